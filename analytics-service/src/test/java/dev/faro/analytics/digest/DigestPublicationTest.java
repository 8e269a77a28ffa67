package dev.faro.analytics.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.analytics.abtest.SeededCampaign;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.DigestReady;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class DigestPublicationTest {

    /** The week the digest covers, Monday to Sunday, and the week before it. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 9);
    private static final LocalDate PREVIOUS_MONDAY = LocalDate.of(2025, 2, 24);

    private static final String NAME = "Ofertas <de> primavera & más";

    @Inject
    DigestScheduler scheduler;

    @Inject
    MovableDigestClock clock;

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aWeekThatHasEndedIsPublishedOnceWithItsFiguresAgainstTheWeekBefore() throws Exception {
        SeededCampaign campaign = campaignWithKnownWeeks();
        clock.set(Instant.parse("2025-03-05T10:00:00Z"));
        subscribe(
                campaign.id(),
                "weekly",
                List.of(
                        Map.of("email", "ana@marketing.example.org", "locale", "es", "timeZone", "Europe/Madrid"),
                        Map.of("email", "luis@marketing.example.org", "locale", "es", "timeZone", "Europe/Madrid")));

        // Mid-week: the week before ended before the subscription, this one has not ended.
        assertThat(scheduler.publishDue()).isZero();
        // Monday 00:30 in Madrid, but the UTC Sunday (whose counts the digest sums) is not over yet.
        clock.set(Instant.parse("2025-03-09T23:30:00Z"));
        assertThat(scheduler.publishDue()).isZero();

        // Both days are over and the 15 minutes' settle time has passed. Two replicas try at the same moment.
        clock.set(Instant.parse("2025-03-10T00:20:00Z"));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = replicas.submit(scheduler::publishDue);
            Future<Integer> second = replicas.submit(scheduler::publishDue);
            assertThat(first.get() + second.get())
                    .as("digests published by both replicas together")
                    .isEqualTo(1);
        } finally {
            replicas.shutdown();
        }

        List<EventEnvelope> events = awaitDigests(campaign.id(), 1);
        EventEnvelope event = events.get(0);
        assertThat(event.eventType()).isEqualTo(EventType.DIGEST_READY);
        assertThat(EventCodec.instance().violations(EventType.DIGEST_READY, event.data()))
                .isEmpty();
        DigestReady digest = EventCodec.instance().data(event, DigestReady.class);

        assertThat(digest.campaign()).isEqualTo(campaign.id());
        assertThat(digest.periodStart()).isEqualTo(MONDAY);
        assertThat(digest.periodEnd()).isEqualTo(SUNDAY);
        assertThat(digest.recipients())
                .extracting(DigestReady.Recipient::email)
                .containsExactly("ana@marketing.example.org", "luis@marketing.example.org");
        assertThat(digest.subject()).isEqualTo("Resumen semanal: " + NAME);

        // This week 3 000 visitors and 120 leads (4 %), the week before 2 000 and 100 (5 %).
        assertThat(digest.text())
                .contains("- Visitantes: 3.000 (periodo anterior: 2.000; cambio: +1.000 (+50,00 %))")
                .contains("- Leads: 120 (periodo anterior: 100; cambio: +20 (+20,00 %))")
                .contains("- Tasa de conversión: 4,00 % (periodo anterior: 5,00 %; cambio: -1,00 puntos (-20,00 %))");
        // Goal 500 leads by the end of March: 220 so far; pace 120 / 7 a day, 280 to go → 17 days → 26 March.
        assertThat(digest.text())
                .contains("220 de 500 leads (44,00 %), hasta el 2025-03-31: en camino.")
                .contains("Al ritmo actual se alcanza el 2025-03-26.");
        // a and b convert alike (110 of 2 500 each): too early to call.
        assertThat(digest.text())
                .contains("Página home: sin conclusión todavía")
                .contains("- a: 110 / 2.500 = 4,40 %")
                .contains("- b: 110 / 2.500 = 4,40 %");
        // Monday fell from 4 % to 3 % (−25 %, past the 20 % threshold). The total and each variant fell by
        // exactly 20 %, which is not more than the threshold; Wednesday fell 16.67 %.
        assertThat(digest.text()).contains("- Día 2025-03-03: 4,00 % → 3,00 % (-25,00 %)");
        assertThat(digest.text()).doesNotContain("Toda la campaña").doesNotContain("Variante home/");

        assertThat(digest.html())
                .contains("Ofertas &lt;de&gt; primavera &amp; más")
                .doesNotContain(NAME)
                .contains("<table")
                .contains(">+20 (+20,00 %)</td>");

        byte[] png = Base64.getDecoder().decode(digest.chartPngBase64());
        assertThat(png.length).as("chart bytes").isBetween(1_000, 60_000);
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(chart.getWidth()).isEqualTo(600);
        assertThat(chart.getHeight()).isEqualTo(240);

        // A restart, or the next run, publishes nothing more.
        assertThat(scheduler.publishDue()).isZero();
        clock.set(Instant.parse("2025-03-12T09:00:00Z"));
        assertThat(scheduler.publishDue()).isZero();
        assertThat(kafka.events(Topics.DIGESTS.name(), campaign.id())).hasSize(1);
    }

    @Test
    void eachLanguageAndTimeZoneGetsItsOwnDigestOnceItsOwnWeekHasEnded() {
        SeededCampaign campaign = campaignWithKnownWeeks();
        clock.set(Instant.parse("2025-03-05T10:00:00Z"));
        subscribe(
                campaign.id(),
                "weekly",
                List.of(
                        Map.of("email", "ana@marketing.example.org", "locale", "es", "timeZone", "Europe/Madrid"),
                        Map.of("email", "joe@marketing.example.com", "locale", "en", "timeZone", "America/New_York")));

        // Monday 01:20 in Madrid, still Sunday evening in New York.
        clock.set(Instant.parse("2025-03-10T00:20:00Z"));
        assertThat(scheduler.publishDue()).isEqualTo(1);
        // Monday 01:20 in New York (UTC−4 since the clocks changed on 9 March).
        clock.set(Instant.parse("2025-03-10T05:20:00Z"));
        assertThat(scheduler.publishDue()).isEqualTo(1);

        List<DigestReady> digests = awaitDigests(campaign.id(), 2).stream()
                .map(event -> EventCodec.instance().data(event, DigestReady.class))
                .toList();
        assertThat(digests)
                .extracting(DigestReady::subject)
                .containsExactlyInAnyOrder("Resumen semanal: " + NAME, "Weekly summary: " + NAME);
        DigestReady english = digests.stream()
                .filter(d -> d.subject().startsWith("Weekly"))
                .findFirst()
                .orElseThrow();
        assertThat(english.recipients())
                .extracting(DigestReady.Recipient::timeZone)
                .containsExactly("America/New_York");
        assertThat(english.text())
                .contains("- Leads: 120 (previous period: 100; change: +20 (+20.00%))")
                .contains("- Day 2025-03-03: 4.00% → 3.00% (-25.00%)");
        assertThat(digests).extracting(DigestReady::digestId).doesNotHaveDuplicates();
    }

    /**
     * A campaign with variants a and b on page home and a goal of 500 leads by 1 April 2025, and two known weeks.
     * The week before: Mon 24 Feb 1 000 visitors / 40 leads, Wed 26 Feb 1 000 / 60. The week: Mon 3 Mar
     * 1 000 / 30, Wed 5 Mar 1 000 / 50, Sun 9 Mar 1 000 / 40. Each day split evenly between a and b.
     */
    private static SeededCampaign campaignWithKnownWeeks() {
        SeededCampaign campaign = SeededCampaign.publish(
                SeededCampaign.uniqueId(),
                Map.of(
                        "name", NAME,
                        "landingPages", List.of(Map.of("id", "home", "variants", List.of("a", "b"))),
                        "goal",
                                Map.of(
                                        "targetLeads", 500,
                                        "leadType", "newsletter",
                                        "deadline", "2025-04-01T00:00:00Z")));
        long[][] days = {{0, 20}, {2, 30}, {7, 15}, {9, 25}, {13, 20}};
        for (long[] day : days) {
            LocalDate date = PREVIOUS_MONDAY.plusDays(day[0]);
            campaign.facts("home", "a", "newsletter", date, 500, day[1])
                    .facts("home", "b", "newsletter", date, 500, day[1]);
        }
        return campaign;
    }

    private static void subscribe(String campaign, String frequency, List<Map<String, String>> subscribers) {
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("application/json")
                .body(Map.of("frequency", frequency, "subscribers", subscribers))
                .when()
                .put("/api/admin/campaigns/{campaign}/digest", campaign)
                .then()
                .statusCode(200);
    }

    private List<EventEnvelope> awaitDigests(String campaign, int expected) {
        await("digests of " + campaign + " on " + Topics.DIGESTS.name())
                .atMost(Duration.ofSeconds(30))
                .until(() -> kafka.events(Topics.DIGESTS.name(), campaign).size() >= expected);
        List<EventEnvelope> events = kafka.events(Topics.DIGESTS.name(), campaign);
        assertThat(events).hasSize(expected);
        return events;
    }
}
