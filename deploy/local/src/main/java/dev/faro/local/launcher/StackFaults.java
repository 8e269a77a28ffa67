package dev.faro.local.launcher;

/**
 * The faults the fault tests inject into a running stack, each the way it happens in production: the broker and a
 * service crash (SIGKILL), PostgreSQL is restarted, the SMTP server stops answering. Each method returns once the
 * fault is in place, or once the part is back and answering.
 */
public final class StackFaults {

    private final FaroStack stack;

    StackFaults(FaroStack stack) {
        this.stack = stack;
    }

    /** SIGKILL the Kafka broker; returns once the process is gone. */
    public void killKafka() {
        stack.killKafka();
    }

    /** Starts the broker again on its port and log directories; returns once it answers. */
    public void startKafka() {
        stack.startKafka();
    }

    /** Stops PostgreSQL (every service's database: one cluster locally); returns once it is down. */
    public void stopPostgres() {
        stack.stopPostgres();
    }

    /** Starts PostgreSQL again on its port and data directory; returns once it accepts connections. */
    public void startPostgres() {
        stack.startPostgres();
    }

    /** The SMTP server stops listening; the inbox keeps what it received. */
    public void stopSmtp() {
        stack.smtp().stopListening();
    }

    /** The SMTP server takes connections and never answers on them: senders wait until their send timeout. */
    public void hangSmtp() {
        stack.smtp().hang();
    }

    /** Ends {@link #stopSmtp} or {@link #hangSmtp}: the server answers again on its port. */
    public void startSmtp() {
        stack.smtp().listenAgain();
    }

    /** SIGKILL the service's instance, wherever it is in its work, and start it again; returns once it is ready. */
    public void crashAndRestart(FaroService service) {
        stack.crashAndRestart(service, () -> {});
    }

    /** As {@link #crashAndRestart(FaroService)}, doing {@code whileDown} between the kill and the new start. */
    public void crashAndRestart(FaroService service, Runnable whileDown) {
        stack.crashAndRestart(service, whileDown);
    }
}
