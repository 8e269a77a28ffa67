package dev.faro.incentive.issuing;

import static dev.faro.incentive.offer.OfferApi.created;
import static dev.faro.incentive.offer.OfferApi.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.incentive.offer.OfferApi;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.campaign.CampaignViews;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class OfferBudgetTest {

    private static final int LEADS = 20;
    private static final int BUDGET = 5;

    @Inject
    IncentiveRows rows;

    @Inject
    IncentiveIssuer issuer;

    @Inject
    CampaignViews campaigns;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void twentyLeadsPublishedAtOnceOnABudgetOfFiveGetFiveFromTheOfferAndFifteenFromTheFallback() {
        String campaign = knownCampaign("budget");
        created(offer(campaign + "-spare", campaign, "free-shipping", Map.of()));
        created(offer(
                campaign + "-main",
                campaign,
                "percent-discount",
                Map.of("discountPercent", 25, "budget", BUDGET, "fallbackOfferId", campaign + "-spare")));
        // The spare is another offer's fallback, so it is not what the campaign's leads get first.

        IntStream.range(0, LEADS).mapToObj(i -> UUID.randomUUID()).forEach(leadId -> kafka().publish(
                        leadId.toString(), OfferIssuingTest.leadCaptured(leadId, campaign, "a", false)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows.countByOffer(campaign))
                .isEqualTo(Map.of(campaign + "-main", (long) BUDGET, campaign + "-spare", (long) (LEADS - BUDGET))));
        OfferApi.get(campaign + "-main").body("issued", Matchers.equalTo(BUDGET));
    }

    @Test
    void twentyConcurrentIssuesOnABudgetOfFiveWithoutFallbackIssueFiveAndCountAndRecordTheRest() throws Exception {
        String campaign = knownCampaign("capped");
        created(offer(campaign + "-only", campaign, "contest-entry", Map.of("budget", BUDGET)));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> campaigns.find(campaign).isPresent()));
        double notIssuedBefore = notIssued();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(LEADS);
        try {
            List<Future<Boolean>> issues = IntStream.range(0, LEADS)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return QuarkusTransaction.requiringNew()
                                .call(() -> issuer.issue(UUID.randomUUID(), campaign, null));
                    }))
                    .toList();
            start.countDown();
            long issued = 0;
            for (Future<Boolean> issue : issues) {
                issued += issue.get() ? 1 : 0;
            }
            assertThat(issued).isEqualTo(BUDGET);
        } finally {
            pool.shutdownNow();
        }

        assertThat(rows.countByOffer(campaign)).isEqualTo(Map.of(campaign + "-only", (long) BUDGET));
        assertThat(notIssued() - notIssuedBefore).isEqualTo(LEADS - BUDGET);
        assertThat(rows.refusalsByReason(campaign))
                .isEqualTo(Map.of(OfferGrants.BUDGET_EXHAUSTED, (long) (LEADS - BUDGET)));
    }

    private double notIssued() {
        Counter counter = meters.find("faro.incentives.not.issued")
                .tag("reason", OfferGrants.BUDGET_EXHAUSTED)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private String knownCampaign(String prefix) {
        String campaign = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        kafka().publish(campaign, GoldenEvents.campaign(campaign));
        return campaign;
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
