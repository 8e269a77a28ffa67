package dev.faro.bench.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's own producer benchmark, {@code org.apache.kafka.tools.ProducerPerformance} from the kafka-tools jar, with
 * the relay's producer settings: what this broker takes from one well-tuned producer. It runs in a child JVM on
 * this process's class path because its {@code main} ends the JVM on bad arguments ({@code Exit.exit}) and prints
 * its results to standard output, which a child keeps apart from the harness's own.
 */
final class ProducerPerformanceRun {

    private static final String TOOL = "org.apache.kafka.tools.ProducerPerformance";

    private final String bootstrap;
    private final Path rawOutput;

    ProducerPerformanceRun(String bootstrap, Path rawOutput) {
        this.bootstrap = bootstrap;
        this.rawOutput = rawOutput;
    }

    /** The arguments, apart from the JVM's: also what the raw folder records as the command. */
    List<String> toolArguments(String topic, int records, int recordSize) {
        return List.of(
                "--topic",
                topic,
                "--num-records",
                Integer.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=5");
    }

    ProducerPerformanceSummary run(String topic, int records, int recordSize, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // The tool formats numbers with the default locale; the parser reads English ones.
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TOOL);
        command.addAll(toolArguments(topic, records, recordSize));
        Files.createDirectories(rawOutput);
        Path out = rawOutput.resolve("producer-performance.txt");
        Path err = rawOutput.resolve("producer-performance.stderr.txt");
        Files.writeString(out, "");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish within " + timeout);
        }
        Files.writeString(
                rawOutput.resolve("producer-performance.command.txt"),
                String.join(" ", toolArguments(topic, records, recordSize)) + "\n",
                StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        return ProducerPerformanceSummary.parse(lines)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance exited with " + process.exitValue()
                        + " and printed no summary; see " + out + " and " + err));
    }
}
