package dev.faro.email.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class DeliveryReportTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    @Test
    void countsACampaignsMessagesByKindAndStatus() throws Exception {
        String campaign = "report-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"Lucía García", "Ada Lovelace"}) {
            LeadEvents lead = LeadEvents.fresh();
            lead.captureOn(kafka, name, "es");
            kafka.publish(lead.key(), lead.incentiveIssued(UUID.randomUUID(), "REPO-0001-CODE", campaign));
        }
        LeadEvents elsewhere = LeadEvents.fresh();
        elsewhere.captureOn(kafka, "Otra Campaña", "es");
        kafka.publish(elsewhere.key(), elsewhere.incentiveIssued(UUID.randomUUID(), "ELSE-0001-CODE", "demo"));
        insertRow(campaign, "confirmation", "failed");
        insertRow(campaign, "expiry-reminder", "suppressed");
        insertRow(campaign, "nurture", "cancelled");
        // No contact for this lead, so it waits for one and stays pending.
        insertRow(campaign, "expiry-reminder", "pending");

        JsonNode report = await().atMost(DELIVERY)
                .until(
                        () -> report(campaign, Roles.MARKETER),
                        body -> body.at("/kinds/incentive/sent").asLong() == 2);

        assertThat(report.path("campaign").asText()).isEqualTo(campaign);
        assertThat(report.path("kinds").properties()).hasSize(4);
        assertCounts(report.at("/kinds/incentive"), new Counts(0, 0, 2, 0, 0, 0), 2);
        assertCounts(report.at("/kinds/confirmation"), new Counts(0, 0, 0, 1, 0, 0), 1);
        assertCounts(report.at("/kinds/expiry-reminder"), new Counts(1, 0, 0, 0, 1, 0), 2);
        assertCounts(report.at("/kinds/nurture"), new Counts(0, 0, 0, 0, 0, 1), 1);
        assertCounts(report.path("totals"), new Counts(1, 0, 2, 1, 1, 1), 6);
        assertThat(report(campaign, Roles.ADMIN)).isEqualTo(report);
    }

    @Test
    void aCampaignWithoutEmailsHasNoKindsAndZeroTotals() throws Exception {
        JsonNode report = report("never-" + UUID.randomUUID().toString().substring(0, 8), Roles.MARKETER);

        assertThat(report.path("kinds").isEmpty()).isTrue();
        assertCounts(report.path("totals"), new Counts(0, 0, 0, 0, 0, 0), 0);
    }

    @Test
    void onlyMarketersAndAdminsMayReadTheReport() throws Exception {
        HttpResponse<String> anonymous = get("demo", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> shop = get("demo", TestTokens.bearer(Roles.SHOP));
        assertThat(shop.statusCode()).isEqualTo(403);
        assertThat(shop.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private record Counts(long pending, long attempting, long sent, long failed, long suppressed, long cancelled) {}

    private static void assertCounts(JsonNode counts, Counts expected, long total) {
        Counts actual = new Counts(
                counts.path("pending").asLong(),
                counts.path("attempting").asLong(),
                counts.path("sent").asLong(),
                counts.path("failed").asLong(),
                counts.path("suppressed").asLong(),
                counts.path("cancelled").asLong());
        assertThat(actual).isEqualTo(expected);
        assertThat(counts.path("total").asLong()).as("total").isEqualTo(total);
    }

    private void insertRow(String campaign, String kind, String status) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into send_ledger (lead_id, message_kind, step, campaign, params, status, last_error)
                        values (:lead, :kind, 0, :campaign, '{}'::jsonb, :status, :error)
                        """)
                .setParameter("lead", UUID.randomUUID())
                .setParameter("kind", kind)
                .setParameter("campaign", campaign)
                .setParameter("status", status)
                .setParameter("error", "failed".equals(status) ? "550 5.1.1 mailbox unavailable" : null)
                .executeUpdate());
    }

    private JsonNode report(String campaign, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = get(campaign, TestTokens.bearer(role));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String campaign, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(campaigns + campaign + "/emails"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
