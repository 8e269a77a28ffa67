package dev.faro.email;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the running service logs while a test watches, from every logger and thread: each record as an operator
 * would read it, its message formatted with its parameters, followed by the parameters themselves and the messages of
 * the exception it carries (and their causes). A test drives a path and asserts what must never appear.
 */
public final class CapturedLog implements AutoCloseable {

    private static final Formatter FORMAT = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private final Logger logger;
    private final List<String> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(readable(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog(Logger logger) {
        this.logger = logger;
        logger.addHandler(handler);
    }

    /** Captures what every logger of the service writes, until closed. */
    public static CapturedLog ofEverything() {
        return new CapturedLog(Logger.getLogger(""));
    }

    /** The captured records, oldest first. */
    public List<String> records() {
        return List.copyOf(records);
    }

    /** The captured records that mention {@code text}, whatever its case, oldest first. */
    public List<String> recordsContaining(String text) {
        String wanted = text.toLowerCase(java.util.Locale.ROOT);
        return records.stream()
                .filter(r -> r.toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    private static String readable(LogRecord record) {
        List<String> parts = new ArrayList<>();
        parts.add(record.getLoggerName() + " " + record.getLevel() + ": " + formatted(record));
        if (record.getParameters() != null) {
            parts.add("parameters " + Arrays.deepToString(record.getParameters()));
        }
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            parts.add("thrown " + thrown);
            if (thrown.getCause() == thrown) {
                break;
            }
        }
        return String.join(" | ", parts);
    }

    private static String formatted(LogRecord record) {
        try {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : FORMAT.format(record);
        } catch (RuntimeException unformattable) {
            return String.valueOf(record.getMessage());
        }
    }
}
