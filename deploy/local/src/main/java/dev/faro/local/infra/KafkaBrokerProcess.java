package dev.faro.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A KRaft broker in its own JVM, started from faro-local's runtime classpath and logging into a file. */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final KafkaSettings settings;
    private final Path logFile;

    private KafkaBrokerProcess(Process process, KafkaSettings settings, Path logFile) {
        this.process = process;
        this.settings = settings;
        this.logFile = logFile;
    }

    /**
     * @param classpath a classpath holding Kafka's server jars and an SLF4J binding (faro-local's runtime classpath)
     */
    public static KafkaBrokerProcess start(
            KafkaSettings settings, String classpath, Path logFile, Duration readyTimeout) {
        String clusterId = KafkaStorage.prepare(settings);
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            if (!KafkaStorage.isFormatted(settings)) {
                runFormat(settings, clusterId, classpath, logFile);
            }
            List<String> command = java(classpath);
            command.addAll(List.of(
                    "-Xms128m",
                    "-Xmx512m",
                    "kafka.Kafka",
                    settings.propertiesFile().toString()));
            Process process = new ProcessBuilder(command)
                    .directory(settings.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBrokerProcess broker = new KafkaBrokerProcess(process, settings, logFile);
            try {
                KafkaAdmin.awaitBroker(settings.bootstrapServers(), readyTimeout, process::isAlive);
            } catch (RuntimeException e) {
                broker.close();
                throw new IllegalStateException(
                        e.getMessage() + "; broker log " + logFile + ":\n" + LogTail.of(logFile, 30), e);
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker process", e);
        }
    }

    private static void runFormat(KafkaSettings settings, String clusterId, String classpath, Path logFile)
            throws IOException {
        List<String> command = java(classpath);
        command.add("kafka.tools.StorageTool");
        command.addAll(List.of(KafkaStorage.formatArguments(settings, clusterId)));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed:\n" + LogTail.of(logFile, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static List<String> java(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(ProcessLaunch.javaExecutable());
        command.add("-cp");
        command.add(classpath);
        command.addAll(ProcessLogging.childJvmOptions("info"));
        return command;
    }

    /** SIGKILL, as a crash: no controlled shutdown, whatever was not flushed is recovered from the log at restart. */
    public void kill() {
        Process killed = process.destroyForcibly();
        try {
            if (!killed.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "the Kafka broker (pid " + killed.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public String toString() {
        return "Kafka broker (pid " + process.pid() + ")";
    }

    @Override
    public void close() {
        ProcessLaunch.stop(process.toHandle(), STOP_TIMEOUT);
    }
}
