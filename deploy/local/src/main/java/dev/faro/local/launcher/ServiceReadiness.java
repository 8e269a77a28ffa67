package dev.faro.local.launcher;

import dev.faro.local.infra.LogTail;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Waits until every service answers 200 on {@code /q/health/ready}, saying which ones it is still waiting for. */
final class ServiceReadiness {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private ServiceReadiness() {}

    static void awaitAll(List<ServiceProcess> services, StackConfig config, PrintStream progress) {
        await(services, service -> config.port(service.service()), config.readyTimeout(), progress);
    }

    /** One more instance of a service, listening on {@code port}. */
    static void awaitOne(ServiceProcess service, int port, StackConfig config, PrintStream progress) {
        await(List.of(service), ignored -> port, config.readyTimeout(), progress);
    }

    private static void await(
            List<ServiceProcess> services,
            Function<ServiceProcess, Integer> portOf,
            Duration readyTimeout,
            PrintStream progress) {
        Instant start = Instant.now();
        Instant deadline = start.plus(readyTimeout);
        Instant nextReport = start.plus(REPORT_EVERY);
        Map<ServiceProcess, String> waiting = new LinkedHashMap<>();
        services.forEach(service -> waiting.put(service, "not answering yet"));
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting.keySet())) {
                if (!service.process().isAlive()) {
                    throw new IllegalStateException(service.service().directory() + " exited with code "
                            + service.process().exitValue() + " while starting; last lines of " + service.logFile()
                            + ":\n" + LogTail.of(service.logFile(), 40));
                }
                String state = probe(portOf.apply(service));
                if (state == null) {
                    waiting.remove(service);
                    progress.printf(
                            "  %-18s ready after %d s%n", service.service().directory(), secondsSince(start));
                } else {
                    waiting.put(service, state);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                ServiceProcess slowest = waiting.keySet().iterator().next();
                throw new IllegalStateException("not ready after " + readyTimeout.toSeconds() + " s: "
                        + describe(waiting) + "; last lines of " + slowest.logFile() + ":\n"
                        + LogTail.of(slowest.logFile(), 40));
            }
            if (Instant.now().isAfter(nextReport)) {
                progress.printf("  still waiting after %d s for %s%n", secondsSince(start), describe(waiting));
                nextReport = nextReport.plus(REPORT_EVERY);
            }
            sleep();
        }
    }

    /** Null when ready, else what the service answered. */
    private static String probe(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .build();
        try {
            int status =
                    CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "HTTP " + status;
        } catch (IOException e) {
            return "not answering yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }

    static boolean isReady(int port) {
        return probe(port) == null;
    }

    private static String describe(Map<ServiceProcess, String> waiting) {
        return waiting.entrySet().stream()
                .map(e -> e.getKey().service().directory() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static long secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
