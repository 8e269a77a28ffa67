package dev.faro.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command against a stand-in for analytics-service's rebuild endpoint. */
class AnalyticsRebuildCommandTest {

    private static final String TOKEN = "header.payload.signature";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private StubAnalytics analytics;

    @BeforeEach
    void startStub() throws IOException {
        analytics = new StubAnalytics();
    }

    @AfterEach
    void stopStub() {
        analytics.stop();
    }

    @Test
    void startsARebuildFollowsItTo100PercentAndSaysHowLongItTook() {
        analytics.onPost(202, status("reading", 0, 3_000, null));
        analytics.onGet(200, status("reading", 1_500, 3_000, null));
        analytics.onGet(200, status("swapping", 3_000, 3_000, null));
        analytics.onGet(200, status("done", 3_000, 3_000, "\"2026-11-26T10:00:02.500Z\""));

        int exitCode = command().run();

        assertThat(exitCode).isZero();
        assertThat(lines())
                .containsExactly(
                        "Rebuilding analytics [····················]   0%  0 / 3,000 events  reading",
                        "Rebuilding analytics [##########··········]  50%  1,500 / 3,000 events  reading",
                        "Rebuilding analytics [####################] 100%  3,000 / 3,000 events  swapping",
                        "Rebuilding analytics [####################] 100%  3,000 / 3,000 events  done",
                        "Analytics rebuilt from 3,000 events in 2.5 s.");
        assertThat(analytics.requests).containsExactly("POST", "GET", "GET", "GET");
        assertThat(analytics.authorizations).containsOnly("Bearer " + TOKEN);
    }

    @Test
    void aRebuildAlreadyRunningIsFollowedInsteadOfFailing() {
        analytics.onPost(409, "{\"title\":\"Conflict\",\"detail\":\"a rebuild is already running\"}");
        analytics.onGet(200, status("reading", 90, 100, null));
        analytics.onGet(200, status("done", 100, 100, "\"2026-11-26T10:00:01Z\""));

        int exitCode = command().run();

        assertThat(exitCode).isZero();
        assertThat(lines())
                .containsExactly(
                        "A rebuild is already running (Conflict: a rebuild is already running); following it.",
                        "Rebuilding analytics [##################··]  90%  90 / 100 events  reading",
                        "Rebuilding analytics [####################] 100%  100 / 100 events  done",
                        "Analytics rebuilt from 100 events in 1.0 s.");
    }

    @Test
    void aFailedRebuildShowsTheErrorAndExitsWith1() {
        analytics.onPost(202, status("reading", 0, 10, null));
        analytics.onGet(
                200,
                status("failed", 4, 10, "\"2026-11-26T10:00:01Z\"")
                        .replace("\"error\":null", "\"error\":\"topic faro.leads is gone\""));

        int exitCode = command().run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines()).last().isEqualTo("Analytics rebuild failed: topic faro.leads is gone");
    }

    @Test
    void aRefusedTokenIsNamedAsTheCause() {
        analytics.onPost(401, "");

        int exitCode = command().run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines())
                .containsExactly("analytics-service refused the admin token (HTTP 401 to POST "
                        + "/api/admin/analytics/rebuild). Restart Faro (./faro down, ./faro up --detach) to get a "
                        + "fresh one.");
    }

    @Test
    void anAnalyticsServiceWithoutTheEndpointIsToldApartFromOtherRefusals() {
        analytics.onPost(404, "{\"title\":\"Not Found\",\"status\":404}");

        int exitCode = command().run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines())
                .containsExactly("analytics-service has no rebuild endpoint (HTTP 404 to POST "
                        + "/api/admin/analytics/rebuild): it was built before it had one. Rebuild it (./mvnw package) "
                        + "and restart Faro.");
    }

    @Test
    void anotherRefusalShowsTheProblemItNamed() {
        analytics.onPost(
                503, "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Kafka is not reachable\"}");

        int exitCode = command().run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines())
                .containsExactly("analytics-service answered HTTP 503 to POST /api/admin/analytics/rebuild: "
                        + "Service Unavailable: Kafka is not reachable");
    }

    @Test
    void aServiceThatDoesNotAnswerIsReportedWithHowToStartFaro() {
        URI nobodyListens = analytics.url();
        analytics.stop();

        int exitCode = new AnalyticsRebuildCommand(nobodyListens, TOKEN, printStream()).run();

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines())
                .containsExactly("Could not reach analytics-service at " + nobodyListens
                        + ". Is Faro running? Start it with ./faro up --detach.");
    }

    @Test
    void fromTheCommandLineItUsesTheStacksAdminTokenFileAndAnalyticsPort(@TempDir Path state) throws IOException {
        Files.writeString(state.resolve("admin-token"), TOKEN + "\n");
        analytics.onPost(202, status("done", 7, 7, "\"2026-11-26T10:00:00.100Z\""));

        int exitCode = AnalyticsRebuildCommand.run(configWithAnalyticsOn(analytics.port(), state), printStream());

        assertThat(exitCode).isZero();
        assertThat(lines()).last().isEqualTo("Analytics rebuilt from 7 events in 0.1 s.");
        assertThat(analytics.authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void withoutAnAdminTokenFileItSaysToStartFaroFirst(@TempDir Path state) {
        int exitCode = AnalyticsRebuildCommand.run(configWithAnalyticsOn(analytics.port(), state), printStream());

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines())
                .singleElement()
                .asString()
                .startsWith("There is no admin token at ")
                .endsWith("admin-token: has Faro been started here? Start it with ./faro up --detach.");
        assertThat(analytics.requests).isEmpty();
    }

    private AnalyticsRebuildCommand command() {
        return new AnalyticsRebuildCommand(
                analytics.url(),
                TOKEN,
                "the admin token",
                printStream(),
                ProgressBar.forLog('·'),
                Duration.ofMillis(1));
    }

    private PrintStream printStream() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static StackConfig configWithAnalyticsOn(int port, Path state) {
        Map<FaroService, Integer> ports = new EnumMap<>(FaroService.class);
        for (FaroService service : FaroService.values()) {
            ports.put(service, service == FaroService.ANALYTICS ? port : service.defaultPort());
        }
        return new StackConfig(state, state, 1, 2, 3, 4, 5, ports, Duration.ofSeconds(1));
    }

    private static String status(String state, long read, long total, String finishedAt) {
        return String.format(
                "{\"id\":\"7c0e9a52-3f1d-4a7e-9a51-0d4f6d1c2b11\",\"state\":\"%s\",\"eventsRead\":%d,"
                        + "\"eventsTotal\":%d,\"startedAt\":\"2026-11-26T10:00:00Z\",\"finishedAt\":%s,"
                        + "\"error\":null}",
                state, read, total, finishedAt);
    }

    /** Answers POST and GET on the rebuild path from queues of canned responses; GET repeats its last one. */
    private static final class StubAnalytics {

        private final HttpServer server;
        private final Deque<String[]> postAnswers = new ArrayDeque<>();
        private final Deque<String[]> getAnswers = new ArrayDeque<>();
        final List<String> requests = new ArrayList<>();
        final List<String> authorizations = new ArrayList<>();

        StubAnalytics() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(AnalyticsRebuildCommand.REBUILD_PATH, this::answer);
            server.start();
        }

        void onPost(int status, String body) {
            postAnswers.add(new String[] {String.valueOf(status), body});
        }

        void onGet(int status, String body) {
            getAnswers.add(new String[] {String.valueOf(status), body});
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port());
        }

        void stop() {
            server.stop(0);
        }

        private synchronized void answer(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            requests.add(method);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Deque<String[]> answers = "POST".equals(method) ? postAnswers : getAnswers;
            String[] answer = answers.size() > 1 ? answers.poll() : answers.peek();
            int status = answer == null ? 404 : Integer.parseInt(answer[0]);
            byte[] body = answer == null ? new byte[0] : answer[1].getBytes(StandardCharsets.UTF_8);
            String type = status >= 400 ? "application/problem+json" : "application/json";
            exchange.getResponseHeaders().add("Content-Type", type);
            if (status == 202) {
                exchange.getResponseHeaders().add("Location", AnalyticsRebuildCommand.REBUILD_PATH);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
