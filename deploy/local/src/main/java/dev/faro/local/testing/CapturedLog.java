package dev.faro.local.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What a service running in the test JVM logs while a test watches: one class's logger, or every logger (each hands
 * its records up to the root), from any thread. Each entry is the record as an operator would read it: level, logger
 * and message formatted with its parameters, then the parameters themselves and the stack trace of its exception,
 * causes included. A test drives a path and asserts what appears (a retry, an incident) or must never appear (an
 * address, a token, a secret).
 */
public final class CapturedLog implements AutoCloseable {

    private static final Formatter PLAIN = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private final Logger logger;
    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            entries.add(entry(record));
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

    /** What the logger named after {@code source} writes, until closed. */
    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(Logger.getLogger(source.getName()));
    }

    /** What every logger writes at the levels the service is configured with, until closed. */
    public static CapturedLog everything() {
        return new CapturedLog(Logger.getLogger(""));
    }

    /** Every entry, oldest first. */
    public List<String> entries() {
        return List.copyOf(entries);
    }

    /** The entries that mention {@code text} in any letter case (an address logged capitalised is still the address). */
    public List<String> entriesContaining(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(entry -> entry.toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    private static String entry(LogRecord record) {
        StringBuilder entry = new StringBuilder()
                .append(record.getLevel())
                .append(" [")
                .append(record.getLoggerName())
                .append("] ")
                .append(formatted(record));
        if (record.getParameters() != null && record.getParameters().length > 0) {
            entry.append(" | parameters ").append(Arrays.deepToString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            entry.append('\n').append(trace);
        }
        return entry.toString();
    }

    private static String formatted(LogRecord record) {
        try {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : PLAIN.format(record);
        } catch (RuntimeException unformattable) {
            return String.valueOf(record.getMessage());
        }
    }
}
