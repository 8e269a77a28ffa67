package dev.faro.bench.footprint;

import dev.faro.local.infra.FreePorts;
import dev.faro.local.infra.ProcessLaunch;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a packaged Quarkus app in a JVM of its own, as {@code ./faro} starts a service ({@code java -Xmx384m -jar}),
 * on a free loopback port; measures the time to its first ready answer and the memory it then holds, and stops it.
 */
final class FreshStart {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    StartupSample measure(
            String target, int round, Path jar, Map<String, String> environment, Path workDirectory, Path log)
            throws IOException, InterruptedException {
        int port = FreePorts.find();
        Files.createDirectories(workDirectory);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(ProcessLaunch.javaExecutable(), "-Xmx384m", "-jar", jar.toString()))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");

        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            long firstRequestNanos = awaitReady(process, ready, launched, log) - launched;
            long rss = ProcFiles.residentKib(
                            Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")))
                    .orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + process.pid()));
            return new StartupSample(
                    target, round, Duration.ofNanos(firstRequestNanos).toMillis(), rss);
        } finally {
            ProcessLaunch.stop(process.toHandle(), STOP_GRACE);
        }
    }

    /** Polls until a 200; returns the {@link System#nanoTime()} it arrived at. */
    private long awaitReady(Process process, URI ready, long launched, Path log) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ready)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (System.nanoTime() - launched < READY_TIMEOUT.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "exited with code " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (ConnectException notListeningYet) {
                // the HTTP server is not up yet
            } catch (IOException stillStarting) {
                // a connection reset while the server starts
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }
}
