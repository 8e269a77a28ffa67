package dev.faro.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.launcher.AnalyticsRebuildCommand;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator rebuilds analytics from the event log, as {@code ./faro rebuild-analytics} does: the progress reaches
 * 100 %, the funnel comes out exactly as it was, and leads captured afterwards are counted once each.
 */
class AnalyticsRebuildIT {

    private static final String CAMPAIGN = "demo";
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;

    @BeforeAll
    static void startFaro() {
        faro = FaroStack.start(StackConfig.withFreePorts(state));
    }

    @AfterAll
    static void stopFaro() {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    void aRebuildFromTheEventLogKeepsTheFunnelAndTheLiveCountGoesOnAfterIt() throws Exception {
        for (int i = 1; i <= 3; i++) {
            captureLead("rebuild-" + i + "-" + UUID.randomUUID() + "@example.org");
        }
        JsonNode before = awaitFunnelOf(3);

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = assertTimeoutPreemptively(REBUILD_LIMIT, () -> new AnalyticsRebuildCommand(
                        faro.serviceUrl(FaroService.ANALYTICS),
                        faro.adminToken(),
                        new PrintStream(output, true, StandardCharsets.UTF_8))
                .run());

        String printed = output.toString(StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        assertThat(exitCode).as("exit code; printed:%n%s", printed).isZero();
        assertThat(printed).as("plain lines for a log").doesNotContain("\r");
        assertThat(lines).as("printed").anySatisfy(line -> assertThat(line)
                .startsWith("Rebuilding analytics [####################] 100%"));
        assertThat(lines.get(lines.size() - 1)).matches("Analytics rebuilt from [0-9,]+ events in [0-9]+\\.[0-9] s\\.");
        assertThat(funnel()).as("the funnel after the rebuild").isEqualTo(before);

        captureLead("after-rebuild-" + UUID.randomUUID() + "@example.org");

        awaitFunnelOf(4);
        await("the lead captured after the rebuild counted once, and only once")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> leadsIncentivesAndEmails(funnel()), List.of(4L, 4L, 4L)::equals);
    }

    /** The funnel once every lead captured so far has been counted with its incentive and its email. */
    private static JsonNode awaitFunnelOf(long leads) {
        List<Long> expected = List.of(leads, leads, leads);
        return await("the funnel counts " + leads + " leads, incentives and emails")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(AnalyticsRebuildIT::funnel, funnel -> expected.equals(leadsIncentivesAndEmails(funnel)));
    }

    private static List<Long> leadsIncentivesAndEmails(JsonNode funnel) {
        return List.of(
                funnel.path("leads").asLong(-1),
                funnel.path("incentivesIssued").asLong(-1),
                funnel.path("emailsSent").asLong(-1));
    }

    private static JsonNode funnel() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(FaroService.ANALYTICS, "/api/campaigns/" + CAMPAIGN + "/funnel"))
                        .header("Authorization", "Bearer " + faro.adminToken())
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("funnel answered %s", response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void captureLead(String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "email",
                email,
                "name",
                "Lucía",
                "campaign",
                CAMPAIGN,
                "consent",
                Map.of("marketing", true),
                "locale",
                "es"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(FaroService.LEAD, "/api/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST /api/leads answered %s", response.body())
                .isEqualTo(202);
    }

    private static URI url(FaroService service, String path) {
        return faro.serviceUrl(service).resolve(path);
    }
}
