package dev.faro.lead.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.Topics;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class DemoCampaignSeedTest {

    @Inject
    DemoCampaignSeed seed;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void seededDemoCampaignIsPublishedSoOtherServicesLearnIt() {
        TestKafka kafka = new TestKafka(kafkaBootstrap);

        await().atMost(Duration.ofSeconds(20)).until(() -> !kafka.events(Topics.CAMPAIGNS.name(), DemoCampaignSeed.DEMO)
                .isEmpty());

        CampaignChanged demo = EventCodec.instance()
                .data(
                        kafka.events(Topics.CAMPAIGNS.name(), DemoCampaignSeed.DEMO)
                                .get(0),
                        CampaignChanged.class);
        assertThat(demo.campaign()).isEqualTo("demo");
        assertThat(demo.revision()).isEqualTo(1);
        assertThat(demo.name()).isEqualTo("Desbloquea el poder de las redes sociales");
        assertThat(demo.locale()).isEqualTo("es");
        assertThat(demo.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(demo.archived()).isFalse();
        assertThat(demo.landingPages())
                .containsExactly(new CampaignChanged.LandingPage("redes-sociales", List.of("a", "b")));
    }

    @Test
    void seedingAnExistingDemoCampaignPublishesNothing() {
        long before = demoEventsInOutbox();

        seed.seed(null);

        assertThat(demoEventsInOutbox()).isEqualTo(before);
    }

    @Transactional
    long demoEventsInOutbox() {
        return ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from outbox_event where topic = :topic and record_key = :key")
                        .setParameter("topic", Topics.CAMPAIGNS.name())
                        .setParameter("key", DemoCampaignSeed.DEMO)
                        .getSingleResult())
                .longValue();
    }
}
