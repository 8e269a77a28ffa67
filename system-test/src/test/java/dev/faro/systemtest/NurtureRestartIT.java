package dev.faro.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.ServiceInstance;
import dev.faro.local.launcher.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nurture sequence survives email-service dying in the middle of it: the next step is a row in PostgreSQL, not a
 * timer in memory, so the instance that takes over sends it, once, and nothing already sent goes again.
 */
class NurtureRestartIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Seconds-long delays (production refuses less than an hour), and no quiet hours or frequency cap, so the test
     * does not depend on the time of day it runs at.
     */
    private static final Map<String, String> QUICK_NURTURE = Map.of(
            "FARO_EMAIL_NURTURE_MINIMUM_DELAY", "PT1S",
            "FARO_EMAIL_TIMING_QUIET_HOURS_START", "00:00",
            "FARO_EMAIL_TIMING_QUIET_HOURS_END", "00:00");

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
    void aSequenceInterruptedByACrashSendsEveryStepOnce() throws Exception {
        faro.instance(FaroService.EMAIL).kill();
        ServiceInstance first = faro.startAnotherInstance(FaroService.EMAIL, "nurture-first", QUICK_NURTURE);
        defineSequence(first.url(), "PT2S", "PT20S");
        String email = "secuencia-" + UUID.randomUUID() + "@example.org";

        String leadId = captureLead(email);
        await("the first nurture step").atMost(Duration.ofSeconds(60)).until(() -> messageIds(email)
                .containsKey(nurtureStep(1, leadId)));
        // Between steps: step 1 committed as sent, step 2 waiting in the ledger. (A kill between the SMTP answer and
        // that commit is the documented duplicate window, covered by email-service's own tests.)
        await("step 1 recorded as sent and step 2 scheduled")
                .atMost(Duration.ofSeconds(30))
                .until(() -> ledger(leadId), rows -> "sent".equals(rows.get(1)) && "pending".equals(rows.get(2)));
        first.kill();
        ServiceInstance second = faro.startAnotherInstance(FaroService.EMAIL, "nurture-second", QUICK_NURTURE);

        await("the second step, sent by the instance that took over")
                .atMost(Duration.ofSeconds(90))
                .until(() -> messageIds(email).containsKey(nurtureStep(2, leadId)));
        await("nothing sent twice, nothing more")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(20))
                .until(() -> messageIds(email).size() == 3);
        assertThat(messageIds(email))
                .containsOnly(
                        Map.entry("<incentive.0." + leadId + "@faro.local>", 1L),
                        Map.entry(nurtureStep(1, leadId), 1L),
                        Map.entry(nurtureStep(2, leadId), 1L));
        assertThat(second.isAlive()).isTrue();
    }

    /** The status of each of the lead's nurture steps in email-service's send ledger, by step. */
    private static Map<Integer, String> ledger(String leadId) throws Exception {
        String database = FaroService.EMAIL.database();
        try (Connection db = DriverManager.getConnection(faro.jdbcUrl(FaroService.EMAIL), database, database);
                PreparedStatement query = db.prepareStatement(
                        "select step, status from send_ledger where lead_id = ? and message_kind = 'nurture'")) {
            query.setObject(1, UUID.fromString(leadId));
            Map<Integer, String> statuses = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getInt(1), rows.getString(2));
                }
            }
            return statuses;
        }
    }

    private static String nurtureStep(int step, String leadId) {
        return "<nurture." + step + "." + leadId + "@faro.local>";
    }

    /** How many copies of each Message-ID the address received. */
    private static Map<String, Long> messageIds(String email) {
        return faro.inbox().messagesTo(email).stream()
                .collect(Collectors.groupingBy(InboxMessage::messageId, Collectors.counting()));
    }

    private static void defineSequence(URI emailService, String firstDelay, String secondDelay) throws Exception {
        Function<String, Map<String, String>> step = delay -> Map.of(
                "delay",
                delay,
                "template",
                delay.equals(firstDelay) ? "nurture-tips" : "nurture-last-chance",
                "condition",
                "always");
        String body =
                JSON.writeValueAsString(Map.of("steps", List.of(step.apply(firstDelay), step.apply(secondDelay))));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(emailService.resolve("/api/admin/campaigns/demo/nurture"))
                        .header("Authorization", "Bearer " + faro.adminToken())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("PUT nurture sequence answered %s", response.body())
                .isBetween(200, 204);
    }

    private static String captureLead(String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "email", email,
                "name", "Íñigo",
                "campaign", "demo",
                "consent", Map.of("marketing", true),
                "locale", "es"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(faro.serviceUrl(FaroService.LEAD).resolve("/api/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST /api/leads answered %s", response.body())
                .isEqualTo(202);
        return JSON.readTree(response.body()).path("leadId").asText();
    }
}
