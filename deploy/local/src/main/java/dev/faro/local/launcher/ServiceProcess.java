package dev.faro.local.launcher;

import dev.faro.local.infra.ProcessLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service's packaged Quarkus app in its own JVM, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final FaroService service;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(FaroService service, Process process, Path logFile) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(
            FaroService service, Path jar, Path workingDirectory, Path logFile, Map<String, String> environment) {
        try {
            Files.createDirectories(workingDirectory);
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                            List.of(ProcessLaunch.javaExecutable(), "-Xmx384m", "-jar", jar.toString()))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(service, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.directory(), e);
        }
    }

    FaroService service() {
        return service;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public String toString() {
        return service.directory() + " (pid " + process.pid() + ")";
    }

    @Override
    public void close() {
        ProcessLaunch.stop(process.toHandle(), STOP_GRACE);
    }
}
