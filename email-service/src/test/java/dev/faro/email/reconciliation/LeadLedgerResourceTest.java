package dev.faro.email.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.faro.contract.EventType;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class LeadLedgerResourceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @TestHTTPResource("/api/admin/reconciliation/leads")
    URI endpoint;

    @Test
    void aLeadWhoseIncentiveWentOutReportsItSentWithItsMessageId() throws Exception {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Concilia Pérez", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("RECO-0001-CODE"));

        // Sent, and its EmailSent published: until the relay has it, the event is reported unsent.
        JsonNode ledger = await().atMost(DELIVERY)
                .until(
                        () -> client().reportOn(lead.leadId()),
                        report -> "sent"
                                        .equals(message(report, "incentive")
                                                .path("status")
                                                .asText())
                                && report.path("unsent").isEmpty());

        assertThat(ledger.path("leadId").asText()).isEqualTo(lead.key());
        assertThat(ledger.path("erased").asBoolean()).isFalse();
        assertThat(ledger.path("eventsAwaitingKey")).isEmpty();
        JsonNode incentive = message(ledger, "incentive");
        assertThat(incentive.path("step").asInt()).isZero();
        assertThat(incentive.path("messageId").asText()).isEqualTo("<incentive.0." + lead.leadId() + "@faro.local>");
        assertThat(incentive.path("attempts").asInt()).isOne();
        assertThat(incentive.path("awaitingRecipient").asBoolean()).isFalse();
        Instant recordedAt = Instant.parse(incentive.path("recordedAt").asText());
        assertThat(Instant.parse(incentive.path("sentAt").asText())).isAfterOrEqualTo(recordedAt);
        // The demo campaign's first nurture step waits a day after capture: listed as it is, not claimed yet.
        assertThat(ledger.path("messages")).hasSize(2);
        JsonNode nurture = message(ledger, "nurture");
        assertThat(nurture.path("step").asInt()).isOne();
        assertThat(nurture.path("status").asText()).isEqualTo("pending");
        assertThat(nurture.path("attempts").asInt()).isZero();
        assertThat(nurture.get("messageId").isNull()).isTrue();
        assertThat(nurture.get("sentAt").isNull()).isTrue();
    }

    @Test
    void aCaptureWaitingForItsKeyIsReportedUntilTheKeyArrives() throws Exception {
        LeadEvents lead = LeadEvents.fresh();
        kafka.publish(lead.key(), lead.captured("Espera Llave", "es"));
        kafka.publish(lead.key(), lead.incentiveIssued("RECO-0002-KEY"));

        JsonNode waiting = await().atMost(DELIVERY)
                .until(
                        () -> client().reportOn(lead.leadId()),
                        report -> report.path("eventsAwaitingKey").size() == 1
                                && report.path("messages").size() == 1);

        JsonNode event = waiting.path("eventsAwaitingKey").get(0);
        assertThat(event.path("type").asText()).isEqualTo(EventType.LEAD_CAPTURED.cloudEventType());
        assertThat(Instant.parse(event.path("arrivedAt").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode incentive = message(waiting, "incentive");
        assertThat(incentive.path("status").asText()).isEqualTo("pending");
        assertThat(incentive.path("awaitingRecipient").asBoolean())
                .as("recorded before the contact it needs")
                .isTrue();

        kafka.publish(lead.key(), lead.keyIssued());

        await().atMost(DELIVERY)
                .until(
                        () -> client().reportOn(lead.leadId()),
                        report -> report.path("eventsAwaitingKey").isEmpty()
                                && "sent"
                                        .equals(message(report, "incentive")
                                                .path("status")
                                                .asText()));
    }

    @Test
    void leadsNeverHeardOfAreReportedEmptyOncePerLeadInTheOrderAsked() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        JsonNode leads = client().report(second, first, second).path("leads");

        assertThat(leads).hasSize(2);
        assertThat(leads.get(0).path("leadId").asText()).isEqualTo(second.toString());
        assertThat(leads.get(1).path("leadId").asText()).isEqualTo(first.toString());
        for (JsonNode lead : leads) {
            assertThat(lead.path("erased").asBoolean()).isFalse();
            assertThat(lead.path("messages").isArray()).isTrue();
            assertThat(lead.path("messages")).isEmpty();
            assertThat(lead.path("eventsAwaitingKey").isArray()).isTrue();
            assertThat(lead.path("eventsAwaitingKey")).isEmpty();
            assertThat(lead.path("unsent").isArray()).isTrue();
            assertThat(lead.path("unsent")).isEmpty();
        }
    }

    @Test
    void aFullPageIsAnsweredLeadByLead() throws Exception {
        UUID[] page = IntStream.range(0, LeadLedgerRequest.MAX_LEADS)
                .mapToObj(i -> UUID.randomUUID())
                .toArray(UUID[]::new);

        JsonNode leads = client().report(page).path("leads");

        assertThat(leads).hasSize(LeadLedgerRequest.MAX_LEADS);
        assertThat(leads.get(LeadLedgerRequest.MAX_LEADS - 1).path("leadId").asText())
                .isEqualTo(page[LeadLedgerRequest.MAX_LEADS - 1].toString());
    }

    @Test
    void anErasedLeadIsReportedErased() throws Exception {
        LeadEvents lead = LeadEvents.fresh();
        kafka.publish(lead.key(), lead.erased());

        JsonNode ledger = await().atMost(DELIVERY)
                .until(() -> client().reportOn(lead.leadId()), report -> report.path("erased")
                        .asBoolean());

        assertThat(ledger.path("messages")).isEmpty();
        assertThat(ledger.path("eventsAwaitingKey")).isEmpty();
    }

    @Test
    void aMalformedLeadIdIsAProblemNamingTheField() throws Exception {
        List<String> ids = List.of(UUID.randomUUID().toString(), "not-a-lead");

        assertInvalidLeadIds(client().post(Map.of("leadIds", ids), TestTokens.bearer(Roles.ADMIN)));
    }

    @Test
    void moreIdsThanAPageIsAProblemNamingTheField() throws Exception {
        List<String> ids = new ArrayList<>();
        IntStream.rangeClosed(0, LeadLedgerRequest.MAX_LEADS)
                .forEach(i -> ids.add(UUID.randomUUID().toString()));

        assertInvalidLeadIds(client().post(Map.of("leadIds", ids), TestTokens.bearer(Roles.ADMIN)));
    }

    @Test
    void aRequestWithoutLeadIdsIsAProblemNamingTheField() throws Exception {
        assertInvalidLeadIds(client().post(Map.of(), TestTokens.bearer(Roles.ADMIN)));
    }

    @Test
    void onlyAnAdminMayAsk() throws Exception {
        Map<String, List<String>> body =
                Map.of("leadIds", List.of(UUID.randomUUID().toString()));

        assertThat(client().post(body, null).statusCode()).isEqualTo(401);
        assertThat(client().post(body, TestTokens.bearer(Roles.MARKETER)).statusCode())
                .isEqualTo(403);
    }

    private ReconciliationClient client() {
        return new ReconciliationClient(endpoint);
    }

    private static void assertInvalidLeadIds(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = ReconciliationClient.JSON.readTree(response.body());
        assertThat(problem.path("errors"))
                .singleElement()
                .satisfies(error -> assertThat(error.path("field").asText()).isEqualTo("leadIds"));
    }

    /** The lead's message of {@code kind}, or a missing node. */
    private static JsonNode message(JsonNode ledger, String kind) {
        for (JsonNode message : ledger.path("messages")) {
            if (kind.equals(message.path("kind").asText())) {
                return message;
            }
        }
        return MissingNode.getInstance();
    }
}
