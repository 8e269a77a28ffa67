package dev.faro.local.launcher;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** An extra instance of a service started by {@link FaroStack#startAnotherInstance}, for tests of several replicas. */
public final class ServiceInstance {

    private final ServiceProcess process;
    private final int port;
    private final Runnable beforeKill;

    ServiceInstance(ServiceProcess process, int port) {
        this(process, port, () -> {});
    }

    /** {@code beforeKill} tells the stack the exit is wanted, so it does not report it as a crash. */
    ServiceInstance(ServiceProcess process, int port, Runnable beforeKill) {
        this.process = process;
        this.port = port;
        this.beforeKill = beforeKill;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.process().isAlive();
    }

    /**
     * SIGKILL: the instance dies mid-work, as in a crash; Kafka reassigns its partitions. Returns once the process
     * is gone, so its port and its claims are free for what the caller starts next.
     */
    public void kill() {
        beforeKill.run();
        Process killed = process.process().destroyForcibly();
        try {
            if (!killed.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pid " + killed.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing pid " + killed.pid(), e);
        }
    }
}
