package dev.faro.local.launcher;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns the statuses of an analytics rebuild into what the operator reads: on a terminal one line, redrawn in place;
 * in a log or pipe a plain line at each 10 % step and at each change of state. Knows nothing of HTTP.
 */
final class ProgressBar {

    static final int CELLS = 20;
    static final char FILLED = '#';
    static final char EMPTY = '·';
    static final char EMPTY_ASCII = '-';
    private static final int STEP_PERCENT = 10;

    private final boolean redrawInPlace;
    private final char emptyCell;
    private String lastLine = "";
    private String lastState;
    private int highestStepShown = -1;

    private ProgressBar(boolean redrawInPlace, char emptyCell) {
        this.redrawInPlace = redrawInPlace;
        this.emptyCell = emptyCell;
    }

    /** One line rewritten with carriage returns. */
    static ProgressBar forTerminal(char emptyCell) {
        return new ProgressBar(true, emptyCell);
    }

    /** Whole lines only, and few of them: for CI logs and pipes. */
    static ProgressBar forLog(char emptyCell) {
        return new ProgressBar(false, emptyCell);
    }

    /** The middle dot where the output can show it; a terminal in the C locale would print '?' instead. */
    static char emptyCellFor(Charset output) {
        return output.newEncoder().canEncode(EMPTY) ? EMPTY : EMPTY_ASCII;
    }

    /** What to print for this status, possibly nothing. */
    String update(RebuildStatus status) {
        String line = line(status, emptyCell);
        if (redrawInPlace) {
            return redraw(line);
        }
        int step = percent(status) / STEP_PERCENT;
        boolean newState = !status.state().equals(lastState);
        lastState = status.state();
        // The total can grow during a rebuild and the percentage drop back: a step is shown once only.
        if (step > highestStepShown || newState) {
            highestStepShown = Math.max(step, highestStepShown);
            return line + System.lineSeparator();
        }
        return "";
    }

    private String redraw(String line) {
        if (line.equals(lastLine)) {
            return "";
        }
        // Blanks over what is left of a longer previous line.
        String padding = " ".repeat(Math.max(0, lastLine.length() - line.length()));
        lastLine = line;
        return "\r" + line + padding;
    }

    /** What to print before a line of its own (the result, an error): ends the line being redrawn, if any. */
    String finishLine() {
        if (redrawInPlace && !lastLine.isEmpty()) {
            lastLine = "";
            return System.lineSeparator();
        }
        return "";
    }

    /** {@code Rebuilding analytics [##########··········]  50%  1,234 / 2,468 events  reading} */
    static String line(RebuildStatus status, char emptyCell) {
        int percent = percent(status);
        int filled = percent * CELLS / 100;
        String bar = String.valueOf(FILLED).repeat(filled)
                + String.valueOf(emptyCell).repeat(CELLS - filled);
        return String.format(
                Locale.ROOT, "Rebuilding analytics [%s] %3d%%  %s  %s", bar, percent, events(status), status.state());
    }

    /**
     * Whole percent read, rounded down so 100 % means finished; at most 100, as events that arrive during the rebuild
     * can be read before the total counts them. 0 while the total is not known, 100 once done.
     */
    static int percent(RebuildStatus status) {
        if (status.isDone()) {
            return 100;
        }
        if (status.eventsTotal() <= 0) {
            return 0;
        }
        long percent = status.eventsRead() * 100 / status.eventsTotal();
        return (int) Math.max(0, Math.min(100, percent));
    }

    private static String events(RebuildStatus status) {
        if (status.eventsTotal() <= 0) {
            return thousands(status.eventsRead()) + " events";
        }
        return thousands(status.eventsRead()) + " / " + thousands(status.eventsTotal()) + " events";
    }

    /** {@code Analytics rebuilt from 2,468 events in 3.2 s.} */
    static String rebuilt(RebuildStatus status, Duration took) {
        return String.format(
                Locale.ROOT,
                "Analytics rebuilt from %s events in %.1f s.",
                thousands(status.eventsRead()),
                took.toMillis() / 1000.0);
    }

    static String thousands(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
