package dev.faro.email.digest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real images, written by the JDK's own encoders, for charts good and bad. */
final class TestCharts {

    private TestCharts() {}

    /** A tiny but genuine PNG: a 4×3 bar chart. */
    static byte[] png() {
        return encode("png");
    }

    /** A genuine image that is not a PNG. */
    static byte[] gif() {
        return encode("gif");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 4, 3);
        graphics.setColor(new Color(0x1f, 0x6f, 0xeb));
        graphics.fillRect(0, 1, 1, 2);
        graphics.fillRect(2, 0, 1, 3);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
