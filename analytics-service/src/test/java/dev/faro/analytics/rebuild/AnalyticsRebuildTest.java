package dev.faro.analytics.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.analytics.funnel.TimedEvents;
import dev.faro.contract.EventCodec;
import dev.faro.contract.events.EmailSent;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rebuild against real Kafka and PostgreSQL: it recomputes from the log exactly what the live consumers
 * counted, repairs tables that drifted, loses and doubles nothing that arrives while it runs, and runs one at a
 * time. Each test publishes its own campaign's history to this class's own topics ({@link OwnEventLog}).
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics_rebuild"))
@WithTestResource(OwnEventLog.class)
class AnalyticsRebuildTest {

    private static final Duration CONSUMED = Duration.ofSeconds(45);

    @Inject
    EntityManager entityManager;

    private final OwnLogPublisher log = new OwnLogPublisher();

    @AfterEach
    void closePublisher() {
        log.close();
    }

    @Test
    void theRebuiltTablesAreTheLiveOnesAndTheHandWorkedFiguresHold() {
        String campaign = uniqueCampaign();
        List<UUID> leads = publishHistory(campaign);
        Map<String, String> live = aggregateTables();

        JsonPath status = RebuildClient.rebuild();

        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(status.getLong("eventsRead")).isEqualTo(status.getLong("eventsTotal"));
        assertThat(status.getLong("eventsRead")).isGreaterThanOrEqualTo(log.published());
        assertThat(status.getString("finishedAt")).isNotNull();
        assertThat(aggregateTables()).isEqualTo(live);
        // 4 leads of 7 unique visitors; 75.00 spend; 100.00 revenue from 2 redemptions
        funnel(campaign)
                .body("visitors", equalTo(7))
                .body("leads", equalTo(4))
                .body("redemptions", equalTo(2))
                .body("conversionRate", equalTo(57.14f)) // 4 / 7 × 100
                .body("costPerLead", equalTo(18.75f)) // 75.00 / 4
                .body("roi", equalTo(0.33f)) // (100.00 − 75.00) / 75.00
                .body("clicks", equalTo(2))
                .body("erasures", equalTo(1));
        // L2's click came after its erasure, which deleted what had been counted for it before.
        assertThat(countedFor(leads))
                .isEqualTo(List.of(
                        "clicks=1,confirmed=1,emails_sent=1,incentives_issued=1,leads=1,redemptions=1",
                        "clicks=1",
                        "leads=1",
                        "leads=1"));
    }

    /**
     * What a batch could count differently from the live consumers' event-by-event path: one visitor many times in a
     * row (so within one batch of seven), a later day purging an earlier one that is then visited again, leads whose
     * confirmation or erasure follows right behind the capture, and order values that the fact table rounds one by
     * one.
     */
    @Test
    void countingInBatchesGivesWhatTheLiveConsumersCountedEventByEvent() {
        String campaign = uniqueCampaign();
        TimedEvents events = new TimedEvents(campaign);
        log.publish(campaign, events.campaign(Map.of()));
        awaitFunnel(campaign, "leads", 0);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(20);

        for (int minute = 0; minute < 8; minute++) {
            log.publish("w1", events.visit(on(day, minute), "w1", "a", "social", "cpc"));
        }
        // What the live consumers dead-letter, the rebuild must skip too.
        log.publishRaw("visits", "w1", "{not json");
        String unknownVersion = EventCodec.instance()
                .encode(events.visit(on(day, 9), "w2", "a", "social", "cpc"))
                .replace("\"schemaversion\":1", "\"schemaversion\":7");
        assertThat(unknownVersion).contains("\"schemaversion\":7");
        log.publishRaw("visits", "w2", unknownVersion);
        log.publish("w1", events.visit(on(day.plusDays(1), 0), "w1", "a", "social", "cpc"));
        // Its salt purges the first day's salt and hashes, so the first day counts the visitor once more.
        log.publish("w1", events.visit(on(day.plusDays(3), 0), "w1", "a", "social", "cpc"));
        log.publish("w1", events.visit(on(day, 30), "w1", "a", "social", "cpc"));
        List<UUID> leads = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int n = 0; n < leads.size(); n++) {
            UUID lead = leads.get(n);
            log.publish(key(lead), events.captured(on(day, 40 + n), lead, n % 2 == 0 ? "a" : "b", "social", "cpc"));
            log.publish(key(lead), events.confirmed(on(day, 41 + n), lead));
        }
        UUID erased = UUID.randomUUID();
        log.publish(key(erased), events.captured(on(day, 50), erased, "b", "ads", "cpc"));
        log.publish(key(erased), events.erased(on(day, 51), erased));
        log.publish(key(erased), events.confirmed(on(day, 52), erased));
        awaitFacts(campaign, "leads", "5");
        awaitFacts(campaign, "erasures", "1");
        log.publish(key(leads.get(0)), events.redeemed(on(day, 60), leads.get(0), new BigDecimal("10.005")));
        log.publish(key(leads.get(0)), events.redeemed(on(day, 61), leads.get(0), new BigDecimal("10.005")));
        awaitFacts(campaign, "redemptions", "2");
        awaitFacts(campaign, "visitors", "4"); // the first day twice, the second and the fourth once
        awaitFacts(campaign, "confirmed", "5");
        awaitFacts(campaign, "revenue", "20.02"); // 10.01 twice
        Map<String, String> live = aggregateTables();

        RebuildClient.rebuild();

        assertThat(aggregateTables()).isEqualTo(live);
        assertThat(facts(campaign, "visitors")).isEqualTo("4");
        assertThat(facts(campaign, "revenue")).isEqualTo("20.02");
        assertThat(rows("select concat_ws(',', day, visitors) from funnel_fact where campaign = '%s' and visitors > 0"
                        .formatted(campaign)))
                .isEqualTo(String.join("\n", day + ",2", day.plusDays(1) + ",1", day.plusDays(3) + ",1"));
        assertThat(rows("select concat_ws(',', variant, source, leads, confirmed, erasures) from funnel_fact"
                        + " where campaign = '%s' and (leads > 0 or confirmed > 0)".formatted(campaign)))
                .isEqualTo(String.join("\n", ",,0,1,0", "a,social,2,2,0", "b,ads,1,0,1", "b,social,2,2,0"));
    }

    @Test
    void aRebuildRepairsCountsThatDriftedFromTheLog() {
        String campaign = uniqueCampaign();
        List<UUID> leads = publishHistory(campaign);
        Map<String, String> live = aggregateTables();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery(
                            """
                            update funnel_fact set leads = leads + 1000
                            where campaign = :campaign and landing_page = 'inicio' and variant = 'a'
                                  and source = 'newsletter' and day = :today
                            """)
                    .setParameter("campaign", campaign)
                    .setParameter("today", LocalDate.now(ZoneOffset.UTC))
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from lead_attribution where campaign = :campaign")
                    .setParameter("campaign", campaign)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("update lead_counted set times = times + 1 where lead_id = :lead")
                    .setParameter("lead", leads.get(0))
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from lead_counted where lead_id = :lead")
                    .setParameter("lead", leads.get(2))
                    .executeUpdate();
        });
        funnel(campaign).body("leads", equalTo(1004));

        RebuildClient.rebuild();

        assertThat(aggregateTables()).isEqualTo(live);
        funnel(campaign).body("leads", equalTo(4));
    }

    @Test
    void eventsArrivingWhileItRunsAndSwapsAreCountedExactlyOnce() throws Exception {
        String campaign = uniqueCampaign();
        TimedEvents events = new TimedEvents(campaign);
        log.publish(campaign, events.campaign(Map.of()));
        awaitFunnel(campaign, "visitors", 0);
        publishHistory(uniqueCampaign()); // something to read before the stream's own events

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        CompletableFuture<Integer> stream = CompletableFuture.supplyAsync(() -> {
            int sent = 0;
            // Until the rebuild has swapped, then a few more: arrivals before, during and after the swap.
            while (rebuilding.get() || sent % 40 != 0) {
                sent++;
                String visitor = "stream-" + sent;
                log.publish(visitor, events.visit(Instant.now(), visitor, "a", "stream", "cpc"));
                UUID lead = UUID.randomUUID();
                log.publish(lead.toString(), events.captured(Instant.now(), lead, "a", "stream", "cpc"));
            }
            return sent;
        });
        RebuildClient.start();
        JsonPath status = RebuildClient.awaitEnd();
        rebuilding.set(false);
        int sent = stream.get();

        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(sent).isGreaterThanOrEqualTo(40);
        await("every streamed visit and lead counted once, and no more")
                .during(Duration.ofSeconds(3))
                .atMost(CONSUMED)
                .until(() -> {
                    JsonPath figures = funnel(campaign).extract().jsonPath();
                    return figures.getInt("visitors") == sent && figures.getInt("leads") == sent;
                });
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneIsUnderWayAndAnAbandonedOneIsMarkedFailed() {
        UUID elsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into rebuild_run (id, state) values (:id, 'reading')")
                .setParameter("id", elsewhere)
                .executeUpdate());

        given().header("Authorization", TestTokens.bearer("admin"))
                .when()
                .post(RebuildResource.PATH)
                .then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("A rebuild is already under way"));
        assertThat(RebuildClient.latest().getString("id")).isEqualTo(elsewhere.toString());

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update rebuild_run set heartbeat_at = now() - interval '10 minutes' where id = :id")
                .setParameter("id", elsewhere)
                .executeUpdate());
        JsonPath abandoned = RebuildClient.latest();
        assertThat(abandoned.getString("state")).isEqualTo("failed");
        assertThat(abandoned.getString("error")).contains("abandoned");

        assertThat(RebuildClient.rebuild().getString("state")).isEqualTo("done");
    }

    @Test
    void indexesAndConstraintsKeepTheirNamesAcrossASwap() {
        List<String> before = schemaObjects();

        RebuildClient.rebuild();

        assertThat(schemaObjects()).isEqualTo(before).contains("visitor_day_day_idx", "funnel_fact_pkey");
    }

    @Test
    void onlyAnAdministratorMayRebuild() {
        given().when().post(RebuildResource.PATH).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("marketer"))
                .when()
                .post(RebuildResource.PATH)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("marketer"))
                .when()
                .get(RebuildResource.PATH)
                .then()
                .statusCode(403);
    }

    /**
     * Two days of one campaign, published phase by phase as time would (a lead's later events only after analytics
     * counted its capture), with every event of the second day published twice.
     *
     * <pre>
     * day 1: visits v1 (twice), v2 on a/newsletter; v3, v4 on b/ads; L1 on a/newsletter confirms, gets an
     *        incentive and its email; L2 on b/ads gets an incentive and its email
     * day 2: visits v1 on a/newsletter, v5 on b/newsletter, v6 on a/ads; L3 and L4 captured; L1 clicks and
     *        redeems 59.90; L2 redeems 40.10, is erased, then clicks
     * spend: newsletter 30.00, ads 45.00
     * </pre>
     *
     * @return L1 to L4
     */
    private List<UUID> publishHistory(String campaign) {
        TimedEvents events = new TimedEvents(campaign);
        LocalDate day2 = LocalDate.now(ZoneOffset.UTC);
        LocalDate day1 = day2.minusDays(1);
        UUID l1 = UUID.randomUUID();
        UUID l2 = UUID.randomUUID();
        UUID l3 = UUID.randomUUID();
        UUID l4 = UUID.randomUUID();
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        spend.put("newsletter", new BigDecimal("30.00"));
        spend.put("ads", new BigDecimal("45.00"));
        log.publish(campaign, events.campaign(spend));
        awaitFunnel(campaign, "leads", 0);

        log.publish("v1", events.visit(on(day1, 1), "v1", "a", "newsletter", "email"));
        log.publish("v1", events.visit(on(day1, 2), "v1", "a", "newsletter", "email"));
        log.publish("v2", events.visit(on(day1, 3), "v2", "a", "newsletter", "email"));
        log.publish("v3", events.visit(on(day1, 4), "v3", "b", "ads", "cpc"));
        log.publish("v4", events.visit(on(day1, 5), "v4", "b", "ads", "cpc"));
        log.publish(key(l1), events.captured(on(day1, 10), l1, "a", "newsletter", "email"));
        log.publish(key(l2), events.captured(on(day1, 12), l2, "b", "ads", "cpc"));
        awaitFunnel(campaign, "leads", 2);
        log.publish(key(l1), events.confirmed(on(day1, 11), l1));
        log.publish(key(l1), events.incentiveIssued(on(day1, 20), l1));
        log.publish(key(l1), events.emailSent(on(day1, 21), l1, EmailSent.KIND_INCENTIVE));
        log.publish(key(l2), events.incentiveIssued(on(day1, 23), l2));
        log.publish(key(l2), events.emailSent(on(day1, 24), l2, EmailSent.KIND_INCENTIVE));
        awaitFunnel(campaign, "emailsSent", 2);

        var secondDay = List.of(
                Map.entry("v1", events.visit(on(day2, 1), "v1", "a", "newsletter", "email")),
                Map.entry("v5", events.visit(on(day2, 2), "v5", "b", "newsletter", "email")),
                Map.entry("v6", events.visit(on(day2, 3), "v6", "a", "ads", "cpc")),
                Map.entry(key(l3), events.captured(on(day2, 10), l3, "a", "newsletter", "email")),
                Map.entry(key(l4), events.captured(on(day2, 12), l4, "b", "newsletter", "email")),
                Map.entry(key(l1), events.clicked(on(day2, 25), l1)),
                Map.entry(key(l1), events.redeemed(on(day2, 26), l1, new BigDecimal("59.90"))),
                Map.entry(key(l2), events.redeemed(on(day2, 28), l2, new BigDecimal("40.10"))));
        secondDay.forEach(event -> log.publish(event.getKey(), event.getValue()));
        secondDay.forEach(event -> log.publish(event.getKey(), event.getValue()));
        awaitFunnel(campaign, "redemptions", 2);
        log.publish(key(l2), events.erased(on(day2, 30), l2));
        awaitFunnel(campaign, "erasures", 1);
        log.publish(key(l2), events.clicked(on(day2, 31), l2));
        awaitFunnel(campaign, "clicks", 2);
        awaitFunnel(campaign, "visitors", 7);
        awaitFunnel(campaign, "leads", 4);
        return List.of(l1, l2, l3, l4);
    }

    /** Every row of every rebuilt table, as text; visitor hashes are salted afresh, so those only as counts. */
    private Map<String, String> aggregateTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("funnel_fact", rows("select f::text from funnel_fact f"));
        tables.put("funnel_revenue_currency", rows("select c::text from funnel_revenue_currency c"));
        tables.put("lead_attribution", rows("select a::text from lead_attribution a"));
        tables.put("lead_counted", rows("select c::text from lead_counted c"));
        tables.put(
                "visitor_day",
                rows("select concat_ws(',', campaign, landing_page, variant, source, medium, day, count(*))"
                        + " from visitor_day group by campaign, landing_page, variant, source, medium, day"));
        tables.put("visitor_day_salt", rows("select day::text from visitor_day_salt"));
        return tables;
    }

    private String rows(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = entityManager.createNativeQuery(query).getResultList();
            return String.join("\n", rows.stream().sorted().toList());
        });
    }

    /** Each lead's rows of {@code lead_counted} as {@code stage=times}, by stage, comma-separated. */
    private List<String> countedFor(List<UUID> leads) {
        return leads.stream()
                .map(lead -> rows("select stage || '=' || times from lead_counted where lead_id = '%s'".formatted(lead))
                        .replace('\n', ','))
                .toList();
    }

    private List<String> schemaObjects() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> names = entityManager
                    .createNativeQuery(
                            """
                            select indexname from pg_indexes
                            where schemaname = 'public' and tablename in (:tables)
                            union
                            select conname from pg_constraint
                            where conrelid in (select oid from pg_class
                                               where relnamespace = 'public'::regnamespace and relname in (:tables))
                            order by 1
                            """)
                    .setParameter("tables", AggregateTables.TABLES)
                    .getResultList();
            return names;
        });
    }

    private static io.restassured.response.ValidatableResponse funnel(String campaign) {
        return given().header("Authorization", TestTokens.bearer("marketer"))
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200);
    }

    /** A column of the campaign's fact rows summed over every day and dimension, as text. */
    private String facts(String campaign, String column) {
        return rows(
                "select coalesce(sum(%s), 0)::text from funnel_fact where campaign = '%s'".formatted(column, campaign));
    }

    private void awaitFacts(String campaign, String column, String value) {
        await(column + " of " + campaign + " reaching " + value)
                .atMost(CONSUMED)
                .until(() -> facts(campaign, column).equals(value));
    }

    private static void awaitFunnel(String campaign, String figure, int value) {
        await(figure + " of " + campaign + " reaching " + value)
                .atMost(CONSUMED)
                .until(() -> {
                    var response = given().header("Authorization", TestTokens.bearer("marketer"))
                            .when()
                            .get("/api/campaigns/{campaign}/funnel", campaign)
                            .then()
                            .extract();
                    return response.statusCode() == 200 && response.jsonPath().getInt(figure) == value;
                });
    }

    private static Instant on(LocalDate day, int minute) {
        return day.atStartOfDay(ZoneOffset.UTC).plusMinutes(minute).toInstant();
    }

    private static String key(UUID lead) {
        return lead.toString();
    }

    private static String uniqueCampaign() {
        return "rb-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
