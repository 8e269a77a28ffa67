package dev.faro.analytics.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.campaign.CampaignViews;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Analytics keeps its own copy of every campaign from the compacted topic, newest revision winning. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class CampaignViewTest {

    @Inject
    CampaignViews views;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void theNewestRevisionWinsWhateverOrderTheChangesArriveIn() {
        String campaign = "vista-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka kafka = new TestKafka(kafkaBootstrap);

        kafka.publish(campaign, change(campaign, 2, "Segunda", false));
        kafka.publish(campaign, change(campaign, 1, "Primera", false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(campaign).map(CampaignChanged::revision).orElse(0L) == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> stored(campaign).orElseThrow().name().equals("Segunda"));

        kafka.publish(campaign, change(campaign, 3, "Segunda", true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(campaign).map(CampaignChanged::archived).orElse(false));
        assertThat(stored(campaign).orElseThrow().spend()).isNotEmpty();
    }

    private Optional<CampaignChanged> stored(String campaign) {
        return QuarkusTransaction.requiringNew().call(() -> views.find(campaign));
    }

    private static dev.faro.contract.EventEnvelope change(
            String campaign, long revision, String name, boolean archived) {
        return GoldenEvents.fresh(
                EventType.CAMPAIGN_CHANGED,
                Map.of("campaign", campaign, "revision", revision, "name", name, "archived", archived));
    }
}
