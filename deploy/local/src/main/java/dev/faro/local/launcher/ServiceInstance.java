package dev.faro.local.launcher;

import java.net.URI;

/** An extra instance of a service started by {@link FaroStack#startAnotherInstance}, for tests of several replicas. */
public final class ServiceInstance {

    private final ServiceProcess process;
    private final int port;

    ServiceInstance(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
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

    /** SIGKILL: the instance dies mid-work, as in a crash; Kafka reassigns its partitions. */
    public void kill() {
        process.process().destroyForcibly();
    }
}
