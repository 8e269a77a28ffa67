package dev.faro.lead.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.inbox.DeadLetterQueue;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation endpoint against lead-service's real database and Kafka. The other services do not run here;
 * the system test (ReconciliationIT) follows leads through all of them.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class ReconciliationResourceTest {

    @Inject
    AcknowledgedLeads acknowledgedLeads;

    @Inject
    EntityManager entityManager;

    @Test
    void aWindowIsReadWholeInPagesInCaptureOrderEvenWhereCaptureTimesTie() {
        String campaign = campaign();
        Instant from = Instant.parse("2001-01-01T00:00:00Z");
        // Two leads per second, so pages end between leads captured at the same instant.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into lead (id, campaign_id, email, locale, time_zone, marketing_consent,
                                          consent_given_at, created_at)
                        select gen_random_uuid(), :campaign, 'page-' || n || '@example.org', 'es', 'Europe/Madrid',
                               true, at, at
                        from generate_series(1, 2101) n,
                             lateral (select cast(:from as timestamptz) + (n / 2) * interval '1 second' as at) t
                        """)
                .setParameter("campaign", campaign)
                .setParameter("from", from)
                .executeUpdate());

        List<AcknowledgedLead> read = new ArrayList<>();
        AcknowledgedLead last = null;
        int pages = 0;
        while (true) {
            List<AcknowledgedLead> page = acknowledgedLeads.page(from, from.plus(1, ChronoUnit.DAYS), last, 1000);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            read.addAll(page);
            last = page.get(page.size() - 1);
        }

        assertThat(pages).isEqualTo(3);
        assertThat(read).hasSize(2101);
        assertThat(read.stream().map(AcknowledgedLead::id).distinct()).hasSize(2101);
        // PostgreSQL orders uuids by their bytes, unsigned, as their text sorts; UUID.compareTo is signed.
        assertThat(read)
                .isSortedAccordingTo((a, b) -> a.capturedAt().equals(b.capturedAt())
                        ? a.id().toString().compareTo(b.id().toString())
                        : a.capturedAt().compareTo(b.capturedAt()));
        assertThat(read).allSatisfy(lead -> assertThat(lead.campaign()).isEqualTo(campaign));
    }

    @Test
    void servicesThatCannotAnswerMakeTheReportIncompleteAndNeverClean() {
        Instant before = Instant.now().minusSeconds(1);
        UUID leadId = capture(campaign());

        as(Roles.ADMIN)
                .queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("grace", "PT0S")
                .get("/api/admin/reconciliation")
                .then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("clean", equalTo(false))
                .body("totals.leads", greaterThanOrEqualTo(1))
                .body("unavailable.source", hasItems("incentive-service"))
                .body("unavailable[0].reason", containsString("could not connect"));
        assertThat(leadId).isNotNull();
    }

    @Test
    void leadsWithinTheGracePeriodAreCountedInFlightAndNotAskedAbout() {
        Instant before = Instant.now().minusSeconds(1);
        capture(campaign());

        as(Roles.ADMIN)
                .queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .queryParam("grace", "PT1H")
                .get("/api/admin/reconciliation")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("totals.leads", greaterThanOrEqualTo(1))
                .body("totals.inFlight", greaterThanOrEqualTo(1))
                .body("unavailable", hasSize(0));
    }

    @Test
    void aRecordDeadLetteredSinceTheWindowBeganIsADiscrepancyNamingItsLeadAndReason() {
        // A window that starts ahead of every record so far; Kafka takes timestamps up to an hour ahead.
        Instant from = Instant.now().plus(10, ChronoUnit.MINUTES);
        Instant to = from.plus(1, ChronoUnit.HOURS);
        as(Roles.ADMIN)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/admin/reconciliation")
                .then()
                .statusCode(200)
                .body("clean", equalTo(true))
                .body("discrepancyCount", equalTo(0));

        UUID leadId = UUID.randomUUID();
        ProducerRecord<String, String> parked = new ProducerRecord<>(
                Topics.DEAD_LETTER.name(), null, from.plusSeconds(5).toEpochMilli(), leadId.toString(), "{not json");
        parked.headers()
                .add(DeadLetterQueue.REASON_HEADER, bytes("UNPARSEABLE"))
                .add(DeadLetterQueue.ORIGIN_HEADER, bytes("faro.leads/2@41"))
                .add(DeadLetterQueue.CONSUMER_HEADER, bytes("email-service"));
        new TestKafka(TestInfrastructure.current().kafkaBootstrap()).send(parked);

        as(Roles.ADMIN)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/admin/reconciliation")
                .then()
                .statusCode(200)
                .body("clean", equalTo(false))
                .body("complete", equalTo(true))
                .body("totals.deadLettered", equalTo(1))
                .body("discrepancyCount", equalTo(1))
                .body("discrepancies[0].kind", equalTo("dead-lettered"))
                .body("discrepancies[0].leadId", equalTo(leadId.toString()))
                .body("discrepancies[0].service", equalTo("email-service"))
                .body("discrepancies[0].detail", containsString("faro.leads/2@41"))
                .body("discrepancies[0].detail", containsString("UNPARSEABLE"));
    }

    @Test
    void aMissingOrMalformedWindowIsAProblemNamingEachField() {
        as(Roles.ADMIN)
                .queryParam("to", "tomorrow")
                .get("/api/admin/reconciliation")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("from", "to"));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static String campaign() {
        String id = "reconcile-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Reconcile " + id);
        body.put("locale", "en");
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", false);
        as(Roles.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
        return id;
    }

    private static UUID capture(String campaign) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", "reconcile-" + UUID.randomUUID() + "@example.org");
        form.put("campaign", campaign);
        form.put("consent", Map.of("marketing", true));
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId"));
    }
}
