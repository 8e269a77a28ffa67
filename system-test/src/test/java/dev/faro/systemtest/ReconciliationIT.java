package dev.faro.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.Topics;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.ReconcileCommand;
import dev.faro.local.launcher.StackConfig;
import dev.faro.local.testing.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./faro reconcile} against the whole stack: leads followed through every service reconcile clean, and the
 * SMTP server's own record (one incentive email per lead, by Message-ID) agrees; then a lost incentive and a poison
 * record are each listed, and the exit code says the window is not clean.
 */
class ReconciliationIT {

    private static final String CAMPAIGN = "demo";
    private static final int LEADS = 4;
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
    void leadsFollowedThroughReconcileCleanAndWhatWasLostOrDeadLetteredIsListed() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        Map<UUID, String> leads = new LinkedHashMap<>();
        for (int i = 0; i < LEADS; i++) {
            String email = "reconcile-" + i + "-" + UUID.randomUUID() + "@example.org";
            leads.put(captureLead(email), email);
        }

        Run clean = reconcile(from, Duration.ofSeconds(90));

        assertThat(clean.exitCode())
                .as("exit code; printed:%n%s", clean.printed())
                .isZero();
        assertThat(clean.printed())
                .contains(LEADS + " leads (0 in flight")
                .contains(LEADS + " incentives issued")
                .contains(LEADS + " incentive emails sent")
                .contains("Clean: every lead acknowledged in the window is accounted for, once.");
        // The independent oracle: what the SMTP server received, one incentive email per lead by Message-ID.
        for (Map.Entry<UUID, String> lead : leads.entrySet()) {
            List<String> incentiveEmails = faro.inbox().messagesTo(lead.getValue()).stream()
                    .map(InboxMessage::messageId)
                    .filter(id -> id.startsWith("<incentive."))
                    .toList();
            assertThat(incentiveEmails)
                    .as("incentive emails to lead %s", lead.getKey())
                    .containsExactly("<incentive.0." + lead.getKey() + "@faro.local>");
        }

        UUID lost = leads.keySet().iterator().next();
        deleteIncentiveOf(lost);
        String poisonKey = UUID.randomUUID().toString();
        new TestKafka(faro.kafkaBootstrap()).publishRaw(Topics.LEADS.name(), poisonKey, "{\"not\": \"an event\"");

        List<Run> runs = new ArrayList<>();
        await("the lost incentive and the dead letter reported")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Run run = reconcile(from, Duration.ZERO);
                            runs.add(run);
                            return run;
                        },
                        run -> run.printed().contains("dead-lettered  lead " + poisonKey));
        Run dirty = runs.get(runs.size() - 1);
        assertThat(dirty.exitCode())
                .as("exit code; printed:%n%s", dirty.printed())
                .isEqualTo(1);
        assertThat(dirty.printed())
                .contains("incentive-missing  lead " + lost + " (" + CAMPAIGN + ") at incentive-service")
                .contains("dead-lettered  lead " + poisonKey + " (-) at ")
                .doesNotContain("Clean:");
    }

    private record Run(int exitCode, String printed) {}

    private static Run reconcile(Instant from, Duration patience) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = new ReconcileCommand(
                        faro.serviceUrl(FaroService.LEAD),
                        faro.adminToken(),
                        new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(new ReconcileCommand.Options(from, Instant.now().plusSeconds(60), Duration.ZERO, patience));
        return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    /** What an operator would find after a fault that lost a row: the lead's incentive gone from its database. */
    private static void deleteIncentiveOf(UUID lead) throws Exception {
        String database = FaroService.INCENTIVE.database();
        try (Connection db = DriverManager.getConnection(faro.jdbcUrl(FaroService.INCENTIVE), database, database);
                PreparedStatement delete = db.prepareStatement("delete from incentive where lead_id = ?")) {
            delete.setObject(1, lead);
            assertThat(delete.executeUpdate()).as("incentives deleted").isEqualTo(1);
        }
    }

    private static UUID captureLead(String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "email",
                email,
                "name",
                "Ana",
                "campaign",
                CAMPAIGN,
                "consent",
                Map.of("marketing", true),
                "locale",
                "es"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(faro.serviceUrl(FaroService.LEAD).resolve("/api/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("capture answered %s", response.body())
                .isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("leadId").asText());
    }
}
