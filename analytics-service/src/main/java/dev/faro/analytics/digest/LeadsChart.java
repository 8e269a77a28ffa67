package dev.faro.analytics.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import javax.imageio.ImageIO;
import org.jboss.logging.Logger;

/**
 * The digest's chart: leads per day as bars, the period's days dark and the days before it light, drawn with
 * Java2D off screen. A small palette-friendly PNG (a few KB) that every mail client shows as an inline image.
 */
final class LeadsChart {

    static final int WIDTH = 600;
    static final int HEIGHT = 240;

    private static final Logger LOG = Logger.getLogger(LeadsChart.class);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color PERIOD = new Color(0x1f, 0x5f, 0xa8);
    private static final Color BEFORE = new Color(0xa9, 0xc4, 0xe4);
    private static final Color INK = new Color(0x1f, 0x2d, 0x3d);
    private static final Color GRID = new Color(0xdd, 0xe3, 0xea);
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 28;

    static {
        // A server has no display: without this, the first use of AWT may look for one.
        System.setProperty("java.awt.headless", "true");
    }

    private LeadsChart() {}

    static String pngBase64(SortedMap<LocalDate, Long> leadsPerDay, Period period, DigestWording wording) {
        return Base64.getEncoder().encodeToString(png(leadsPerDay, period, wording));
    }

    static byte[] png(SortedMap<LocalDate, Long> leadsPerDay, Period period, DigestWording wording) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            long max = Math.max(
                    1,
                    leadsPerDay.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(1));
            int plotHeight = HEIGHT - TOP - BOTTOM;
            int slot = (WIDTH - LEFT - RIGHT) / Math.max(1, leadsPerDay.size());
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1));
            g.drawLine(LEFT, TOP, WIDTH - RIGHT, TOP);
            g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
            int x = LEFT;
            for (Map.Entry<LocalDate, Long> day : leadsPerDay.entrySet()) {
                int barHeight = (int) Math.round((double) day.getValue() / max * plotHeight);
                boolean inPeriod = !day.getKey().isBefore(period.start());
                g.setColor(inPeriod ? PERIOD : BEFORE);
                g.fillRect(x + slot / 6, HEIGHT - BOTTOM - barHeight, slot - slot / 3, barHeight);
                x += slot;
            }
            labels(g, leadsPerDay, max, slot, wording);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the digest chart", e);
        }
        return out.toByteArray();
    }

    /**
     * Title, scale and day numbers. Text needs a font from the system; a machine without any still gets the bars,
     * which carry the message, rather than no digest.
     */
    private static void labels(
            Graphics2D g, SortedMap<LocalDate, Long> leadsPerDay, long max, int slot, DigestWording wording) {
        try {
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(wording.word("chart"), LEFT, 20);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(wording.count(max), 4, TOP + 4);
            g.drawString("0", 4, HEIGHT - BOTTOM + 4);
            int x = LEFT;
            for (LocalDate day : leadsPerDay.keySet()) {
                String label = Integer.toString(day.getDayOfMonth());
                int width = g.getFontMetrics().stringWidth(label);
                g.drawString(label, x + (slot - width) / 2, HEIGHT - 10);
                x += slot;
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.warnf("The digest chart is drawn without text: no usable font (%s)", e.toString());
        }
    }
}
