package dev.faro.analytics.funnel;

import static dev.faro.analytics.funnel.ExpectedFigures.expect;
import static dev.faro.analytics.funnel.ExpectedFigures.group;
import static dev.faro.analytics.funnel.FunnelClient.uniqueCampaign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.events.EmailSent;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A known history of one campaign over two days, two variants of one landing page and two UTM sources, and the
 * figures a marketer should see for it, worked out by hand below.
 *
 * <pre>
 * day 1: visits v1 (twice), v2 on a/newsletter; v3, v4 on b/ads
 *        L1 captured on a/newsletter, confirmed, incentive issued and emailed, email opened
 *        L2 captured on b/ads, incentive issued and emailed
 * day 2: visits v1 on a/newsletter, v5 on b/newsletter, v6 on a/ads
 *        L3 captured on a/newsletter, confirmed, incentive issued and emailed, unsubscribed
 *        L4 captured on b/newsletter, sent a confirmation email (not the funnel's email stage), incentive email failed
 *        L1 clicks and redeems (59.90 EUR); L2 opens, redeems (40.10 EUR), is erased, then clicks
 * spend: newsletter 30.00 EUR, ads 45.00 EUR
 * </pre>
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DimensionalFunnelTest {

    private static final Duration CONSUMED = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    private final LocalDate day2 = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate day1 = day2.minusDays(1);
    private final UUID l1 = UUID.randomUUID();
    private final UUID l2 = UUID.randomUUID();
    private final UUID l3 = UUID.randomUUID();
    private final UUID l4 = UUID.randomUUID();

    private String campaign;
    private TestKafka kafka;
    /** Every event of the history with its key, in the order published. */
    private final List<Map.Entry<String, EventEnvelope>> published = new ArrayList<>();

    @BeforeEach
    void publishTheHistoryOnce() {
        if (campaign != null) {
            return;
        }
        campaign = uniqueCampaign();
        kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
        TimedEvents events = new TimedEvents(campaign);
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        spend.put("newsletter", new BigDecimal("30.00"));
        spend.put("ads", new BigDecimal("45.00"));
        publish(campaign, events.campaign(spend));

        // Captures travel on the lead topic, the later events on others: each phase waits for the one before, as
        // time does between a capture and an incentive in production.
        publish("v1", events.visit(on(day1, 1), "v1", "a", "newsletter", "email"));
        publish("v1", events.visit(on(day1, 2), "v1", "a", "newsletter", "email"));
        publish("v2", events.visit(on(day1, 3), "v2", "a", "newsletter", "email"));
        publish("v3", events.visit(on(day1, 4), "v3", "b", "ads", "cpc"));
        publish("v4", events.visit(on(day1, 5), "v4", "b", "ads", "cpc"));
        publish("v1", events.visit(on(day2, 1), "v1", "a", "newsletter", "email"));
        publish("v5", events.visit(on(day2, 2), "v5", "b", "newsletter", "email"));
        publish("v6", events.visit(on(day2, 3), "v6", "a", "ads", "cpc"));
        publish(l1, events.captured(on(day1, 10), l1, "a", "newsletter", "email"));
        publish(l1, events.confirmed(on(day1, 11), l1));
        publish(l2, events.captured(on(day1, 12), l2, "b", "ads", "cpc"));
        publish(l3, events.captured(on(day2, 10), l3, "a", "newsletter", "email"));
        publish(l3, events.confirmed(on(day2, 11), l3));
        publish(l4, events.captured(on(day2, 12), l4, "b", "newsletter", "email"));
        awaitTotals(
                "visits and captures",
                expect().count("visitors", 7).count("leads", 4).count("confirmed", 2));

        publish(l1, events.incentiveIssued(on(day1, 20), l1));
        publish(l1, events.emailSent(on(day1, 21), l1, EmailSent.KIND_INCENTIVE));
        publish(l1, events.opened(on(day1, 22), l1));
        publish(l2, events.incentiveIssued(on(day1, 23), l2));
        publish(l2, events.emailSent(on(day1, 24), l2, EmailSent.KIND_INCENTIVE));
        publish(l3, events.incentiveIssued(on(day2, 20), l3));
        publish(l3, events.emailSent(on(day2, 21), l3, EmailSent.KIND_INCENTIVE));
        publish(l3, events.unsubscribed(on(day2, 22), l3));
        publish(l4, events.emailSent(on(day2, 23), l4, EmailSent.KIND_CONFIRMATION));
        publish(l4, events.emailFailed(on(day2, 24), l4));
        publish(l1, events.clicked(on(day2, 25), l1));
        publish(l1, events.redeemed(on(day2, 26), l1, new BigDecimal("59.90")));
        publish(l2, events.opened(on(day2, 27), l2));
        publish(l2, events.redeemed(on(day2, 28), l2, new BigDecimal("40.10")));
        awaitTotals(
                "incentives, emails and redemptions",
                expect().count("incentivesIssued", 3)
                        .count("emailsSent", 3)
                        .count("emailsFailed", 1)
                        .count("opens", 2)
                        .count("clicks", 1)
                        .count("redemptions", 2)
                        .count("unsubscribes", 1));

        publish(l2, events.erased(on(day2, 30), l2));
        awaitTotals("the erasure", expect().count("erasures", 1));

        publish(l2, events.clicked(on(day2, 31), l2));
        awaitTotals("the click after the erasure", expect().count("clicks", 2));
    }

    @Test
    void totalsAreTheHandWorkedFigures() {
        expect().count("visitors", 7)
                .count("leads", 4)
                .count("confirmed", 2)
                .count("incentivesIssued", 3)
                .count("emailsSent", 3)
                .count("emailsFailed", 1)
                .count("opens", 2)
                .count("clicks", 2)
                .count("redemptions", 2)
                .decimal("revenue", "100.00")
                .text("currency", "EUR")
                .decimal("spend", "75.00")
                .count("unsubscribes", 1)
                .count("erasures", 1)
                .decimal("conversionRate", "57.14") // 4 / 7 × 100 = 57.142…
                .decimal("leadToCustomerRate", "50.00") // 2 / 4 × 100
                .decimal("costPerLead", "18.75") // 75.00 / 4
                .decimal("roi", "0.33") // (100.00 − 75.00) / 75.00 = 0.333…
                .decimal("unsubscribeRate", "33.33") // 1 / 3 × 100 = 33.333…
                .check("totals", funnel(Map.of()));
    }

    @Test
    void perVariantEachVariantHasItsOwnFunnelAndTheErasedLeadsLaterClickHasNone() {
        JsonNode funnel = funnel(Map.of("groupBy", "variant"));

        assertThat(funnel.path("groupBy").asText()).isEqualTo("variant");
        assertThat(funnel.path("groups")).hasSize(3);
        expect().text("landingPage", "inicio")
                .count("visitors", 4) // v1, v2 on day 1; v1, v6 on day 2
                .count("leads", 2) // L1, L3
                .count("confirmed", 2)
                .count("incentivesIssued", 2)
                .count("emailsSent", 2)
                .count("opens", 1)
                .count("clicks", 1)
                .count("redemptions", 1)
                .decimal("revenue", "59.90")
                .count("unsubscribes", 1)
                .count("erasures", 0)
                .decimal("conversionRate", "50.00") // 2 / 4
                .decimal("leadToCustomerRate", "50.00") // 1 / 2
                .decimal("unsubscribeRate", "50.00") // 1 / 2
                .none("costPerLead") // spend is per source, not per variant
                .none("roi")
                .check("variant a", group(funnel, "a"));
        expect().text("landingPage", "inicio")
                .count("visitors", 3) // v3, v4 on day 1; v5 on day 2
                .count("leads", 2) // L2, L4
                .count("confirmed", 0)
                .count("incentivesIssued", 1)
                .count("emailsSent", 1)
                .count("emailsFailed", 1)
                .count("opens", 1)
                .count("clicks", 0)
                .count("redemptions", 1)
                .decimal("revenue", "40.10")
                .count("unsubscribes", 0)
                .count("erasures", 1)
                .decimal("conversionRate", "66.67") // 2 / 3 = 66.666…
                .decimal("leadToCustomerRate", "50.00")
                .decimal("unsubscribeRate", "0.00")
                .check("variant b", group(funnel, "b"));
        expect().text("landingPage", "")
                .count("visitors", 0)
                .count("leads", 0)
                .count("clicks", 1)
                .none("conversionRate")
                .none("leadToCustomerRate")
                .none("unsubscribeRate")
                .check("no variant", group(funnel, ""));
    }

    @Test
    void perSourceEachSourceIsChargedItsOwnSpend() {
        JsonNode funnel = funnel(Map.of("groupBy", "source"));

        expect().count("visitors", 4) // v1, v2 on day 1; v1, v5 on day 2
                .count("leads", 3) // L1, L3, L4
                .count("confirmed", 2)
                .count("incentivesIssued", 2)
                .count("emailsSent", 2)
                .count("opens", 1)
                .count("clicks", 1)
                .count("redemptions", 1)
                .decimal("revenue", "59.90")
                .decimal("spend", "30.00")
                .count("unsubscribes", 1)
                .decimal("conversionRate", "75.00") // 3 / 4
                .decimal("leadToCustomerRate", "33.33") // 1 / 3
                .decimal("costPerLead", "10.00") // 30.00 / 3
                .decimal("roi", "1.00") // (59.90 − 30.00) / 30.00 = 0.9966…
                .decimal("unsubscribeRate", "50.00") // 1 / 2
                .check("newsletter", group(funnel, "newsletter"));
        expect().count("visitors", 3) // v3, v4 on day 1; v6 on day 2
                .count("leads", 1) // L2
                .count("redemptions", 1)
                .decimal("revenue", "40.10")
                .decimal("spend", "45.00")
                .count("erasures", 1)
                .decimal("conversionRate", "33.33") // 1 / 3
                .decimal("leadToCustomerRate", "100.00")
                .decimal("costPerLead", "45.00")
                .decimal("roi", "-0.11") // (40.10 − 45.00) / 45.00 = −0.1088…
                .decimal("unsubscribeRate", "0.00")
                .check("ads", group(funnel, "ads"));
        expect().count("clicks", 1)
                .none("spend")
                .none("costPerLead")
                .none("roi")
                .check("no source", group(funnel, ""));
    }

    @Test
    void perDayTheLeadBaseGrows() {
        JsonNode funnel = funnel(Map.of("groupBy", "day"));

        assertThat(funnel.path("groups")).hasSize(2);
        expect().count("visitors", 4) // v1, v2, v3, v4
                .count("leads", 2)
                .count("cumulativeLeads", 2)
                .count("confirmed", 1)
                .count("incentivesIssued", 2)
                .count("emailsSent", 2)
                .count("opens", 1)
                .count("clicks", 0)
                .count("redemptions", 0)
                .decimal("revenue", "0.00")
                .decimal("conversionRate", "50.00")
                .decimal("leadToCustomerRate", "0.00")
                .check("day 1", group(funnel, day1.toString()));
        expect().count("visitors", 3) // v1 again, v5, v6
                .count("leads", 2)
                .count("cumulativeLeads", 4)
                .count("confirmed", 1)
                .count("incentivesIssued", 1)
                .count("emailsSent", 1)
                .count("emailsFailed", 1)
                .count("opens", 1)
                .count("clicks", 2)
                .count("redemptions", 2)
                .decimal("revenue", "100.00")
                .count("unsubscribes", 1)
                .count("erasures", 1)
                .decimal("conversionRate", "66.67")
                .decimal("unsubscribeRate", "100.00") // 1 / 1
                .check("day 2", group(funnel, day2.toString()));
    }

    @Test
    void aRangeCountsOnlyItsDaysButTheLeadBaseIncludesEarlierLeads() {
        JsonNode funnel = funnel(Map.of("groupBy", "day", "from", day2.toString(), "to", day2.toString()));

        expect().count("visitors", 3)
                .count("leads", 2)
                .decimal("costPerLead", "37.50")
                .check("day 2 totals", funnel);
        assertThat(funnel.path("groups")).hasSize(1);
        expect().count("leads", 2).count("cumulativeLeads", 4).check("day 2", group(funnel, day2.toString()));
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        JsonNode before = funnel(Map.of("groupBy", "variant"));

        published.forEach(event -> kafka.publish(event.getKey(), event.getValue()));

        await("funnel of " + campaign + " after every event came again")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(20))
                .until(() -> funnel(Map.of("groupBy", "variant")).equals(before));
    }

    @Test
    void csvHasTheSameFiguresAsJson() {
        String csv = given().header("Authorization", TestTokens.bearer("marketer"))
                .header("Accept", "text/csv")
                .queryParam("groupBy", "source")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0))
                .isEqualTo("campaign,scope,key,landingPage,cumulativeLeads,visitors,leads,confirmed,incentivesIssued,"
                        + "emailsSent,emailsFailed,opens,clicks,redemptions,revenue,currency,spend,spendCurrency,"
                        + "unsubscribes,erasures,conversionRate,leadToCustomerRate,costPerLead,roi,unsubscribeRate");
        assertThat(lines)
                .contains(
                        campaign + ",total,,,,7,4,2,3,3,1,2,2,2,100.00,EUR,75.00,EUR,1,1,57.14,50.00,18.75,0.33,33.33",
                        campaign
                                + ",source,ads,,,3,1,0,1,1,0,1,0,1,40.10,EUR,45.00,EUR,0,1,33.33,100.00,45.00,-0.11,0.00",
                        campaign
                                + ",source,newsletter,,,4,3,2,2,2,1,1,1,1,59.90,EUR,30.00,EUR,1,0,75.00,33.33,10.00,1.00,50.00",
                        campaign + ",source,,,,0,0,0,0,0,0,0,1,0,0.00,EUR,,,0,0,,,,,")
                .hasSize(5);
        String sameByParameter = given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParam("groupBy", "source")
                .queryParam("format", "csv")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(sameByParameter).isEqualTo(csv);
    }

    @Test
    void csvDefusesAKeyThatASpreadsheetWouldRunAsAFormula() {
        String other = uniqueCampaign();
        String hostileSource = "=HYPERLINK(\"https://evil.example/\",\"x\")";
        kafka.publish("v9", new TimedEvents(other).visit(Instant.now(), "v9", "a", hostileSource, "email"));

        await("csv of " + other).atMost(CONSUMED).untilAsserted(() -> assertThat(
                        given().header("Authorization", TestTokens.bearer("marketer"))
                                .queryParam("groupBy", "source")
                                .queryParam("format", "csv")
                                .when()
                                .get("/api/campaigns/{campaign}/funnel", other)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains(other + ",source,\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"x\"\")\",,,1,0,"));
    }

    @Test
    void theErasedLeadIsNoLongerLinkedToWhereItCameFrom() {
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("select count(*) from lead_attribution where lead_id in (:erased, :kept)")
                .setParameter("erased", l2)
                .setParameter("kept", l1)
                .getSingleResult());

        assertThat(rows.longValue())
                .as("attributions of L1 (kept) and L2 (erased)")
                .isEqualTo(1);
    }

    @Test
    void unknownGroupByIsRejectedNamingIt() {
        given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParam("groupBy", "country")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("groupBy"));
    }

    @Test
    void unknownFormatIsRejectedNamingIt() {
        given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParam("format", "xlsx")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("format"));
    }

    private void publish(UUID lead, EventEnvelope event) {
        publish(lead.toString(), event);
    }

    private void publish(String key, EventEnvelope event) {
        published.add(Map.entry(key, event));
        kafka.publish(key, event);
    }

    private void awaitTotals(String what, ExpectedFigures expected) {
        await(what + " of " + campaign).atMost(CONSUMED).untilAsserted(() -> expected.check(what, funnel(Map.of())));
    }

    private JsonNode funnel(Map<String, String> query) {
        String body = given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParams(query)
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static Instant on(LocalDate day, int second) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(second);
    }
}
