package dev.faro.local.testing;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, asked once and without Testcontainers' page of errors when none does. */
final class DockerProbe {

    private DockerProbe() {}

    static boolean isDockerAvailable() {
        Logger testcontainers = Logger.getLogger("org.testcontainers");
        Level previous = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        } finally {
            testcontainers.setLevel(previous);
        }
    }
}
