package dev.faro.incentive.issuing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What one class of the running service logs while a test watches (the only outside trace of a retry, which changes
 * no table and publishes nothing), or what the whole service logs: every logger hands its records up to the root.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(text(record));
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

    static CapturedLog of(Class<?> source) {
        return new CapturedLog(Logger.getLogger(source.getName()));
    }

    /** Everything the service logs at the levels it is configured with, from any logger. */
    public static CapturedLog everything() {
        return new CapturedLog(Logger.getLogger(""));
    }

    /** The formatted messages that mention {@code text}, oldest first. */
    public List<String> messagesContaining(String text) {
        return messages.stream().filter(m -> m.contains(text)).toList();
    }

    /** Every formatted message, with the messages of its exception and causes, oldest first. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    /** The message as a log file shows it, followed by what a stack trace would print of each cause. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(
                String.valueOf(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()));
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
