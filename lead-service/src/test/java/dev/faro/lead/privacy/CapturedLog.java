package dev.faro.lead.privacy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the running service logs while a test watches, from every logger and thread, as an operator would
 * read it: each formatted message followed by the stack trace of its exception, causes included.
 */
final class CapturedLog implements AutoCloseable {

    private static final Logger ROOT = Logger.getLogger("");

    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder entry = new StringBuilder()
                    .append(record.getLevel())
                    .append(" [")
                    .append(record.getLoggerName())
                    .append("] ")
                    .append(message);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                entry.append('\n').append(trace);
            }
            entries.add(entry.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog() {
        ROOT.addHandler(handler);
    }

    static CapturedLog start() {
        return new CapturedLog();
    }

    /** The entries that mention {@code text}, oldest first. */
    List<String> entriesContaining(String text) {
        return entries.stream().filter(entry -> entry.contains(text)).toList();
    }

    @Override
    public void close() {
        ROOT.removeHandler(handler);
    }
}
