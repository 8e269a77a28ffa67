package dev.faro.incentive.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.local.testing.ChannelTopics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.DeadLetterQueue;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class IncentiveIssuingTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    IncentiveRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @BeforeEach
    void campaignsAreKnown() {
        kafka().publish("demo", GoldenEvents.campaign("demo"));
        kafka().publish("sin-oferta", GoldenEvents.campaign("sin-oferta"));
    }

    @Test
    void leadOfACampaignNotKnownYetWaitsForItInsteadOfBeingDeadLettered() {
        UUID leadId = UUID.randomUUID();
        String campaign = "llega-tarde-" + leadId.toString().substring(0, 8);

        kafka().publish(leadId.toString(), leadCaptured(leadId, campaign, false));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(rows.countFor(leadId)).isZero());
        kafka().publish(campaign, GoldenEvents.campaign(campaign));

        assertThat(awaitSingleIncentive(leadId).campaign()).isEqualTo(campaign);
        assertThat(kafka().records(Topics.DEAD_LETTER.name(), r -> leadId.toString()
                        .equals(r.key())))
                .isEmpty();
    }

    @Test
    void capturedLeadGetsExactlyOneIncentiveWithAWellFormedCodeAndTheCampaignOffer() {
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, "demo", false));

        IncentiveIssued issued = awaitSingleIncentive(leadId);
        assertThat(issued.campaign()).isEqualTo("demo");
        assertThat(issued.kind()).isEqualTo(IncentiveIssued.PERCENT_DISCOUNT);
        assertThat(issued.offerId()).isEqualTo("demo-ebook-10");
        assertThat(DiscountCodes.isWellFormed(issued.code())).as(issued.code()).isTrue();
        assertThat(issued.discountPercent()).isEqualTo(10);
        assertThat(issued.content().title()).isEqualTo("Desbloquea el poder de las redes sociales");
        assertThat(issued.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofDays(29)));
        assertThat(rows.countFor(leadId)).isEqualTo(1);
    }

    @Test
    void campaignWithoutAnOfferGetsTheDefaultDiscountAndNoContent() {
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, "sin-oferta", false));

        IncentiveIssued issued = awaitSingleIncentive(leadId);
        assertThat(issued.discountPercent()).isEqualTo(10);
        assertThat(issued.content()).isNull();
    }

    @Test
    void redeliveredAndRepublishedLeadEventsStillYieldOneIncentive() {
        UUID leadId = UUID.randomUUID();
        EventEnvelope captured = leadCaptured(leadId, "demo", false);

        kafka().publish(leadId.toString(), captured);
        kafka().publish(leadId.toString(), captured);
        kafka().publish(leadId.toString(), leadCaptured(leadId, "demo", false));
        awaitSingleIncentive(leadId);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            assertThat(issuedEvents(leadId)).hasSize(1);
            assertThat(rows.countFor(leadId)).isEqualTo(1);
        });
    }

    @Test
    void leadAwaitingDoubleOptInGetsItsIncentiveOnlyOnceConfirmed() {
        UUID leadId = UUID.randomUUID();

        kafka().publish(leadId.toString(), leadCaptured(leadId, "demo", true));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(rows.countFor(leadId)).isZero());

        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(EventType.LEAD_CONFIRMED, Map.of("leadId", leadId, "campaign", "demo")));
        awaitSingleIncentive(leadId);
    }

    @Test
    void schemaInvalidEventIsDeadLetteredAndTheNextEventOfThePartitionStillProcessed() {
        UUID leadId = UUID.randomUUID();
        EventEnvelope invalid =
                GoldenEvents.fresh(EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "personal", "not-a-sealed-box"));

        kafka().publish(leadId.toString(), invalid);
        kafka().publish(leadId.toString(), leadCaptured(leadId, "demo", false));

        awaitSingleIncentive(leadId);
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = kafka().records(
                            Topics.DEAD_LETTER.name(), r -> leadId.toString().equals(r.key()));
            assertThat(parked).hasSize(1);
            assertThat(TestKafka.header(parked.get(0), DeadLetterQueue.REASON_HEADER))
                    .contains("SCHEMA_INVALID");
            assertThat(TestKafka.header(parked.get(0), DeadLetterQueue.CONSUMER_HEADER))
                    .contains("incentive-service");
            assertThat(parked.get(0).value()).isEqualTo(EventCodec.instance().encode(invalid));
        });
    }

    @Test
    void everyConfiguredTopicIsDeclaredInTheContract() {
        assertThat(ChannelTopics.configured(ConfigProvider.getConfig())).containsEntry("leads", Topics.LEADS.name());
        assertThat(ChannelTopics.undeclared(ConfigProvider.getConfig())).isEmpty();
    }

    private static EventEnvelope leadCaptured(UUID leadId, String campaign, boolean confirmationRequired) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED,
                Map.of(
                        "leadId", leadId,
                        "campaign", campaign,
                        "confirmationRequired", confirmationRequired));
    }

    private IncentiveIssued awaitSingleIncentive(UUID leadId) {
        List<EventEnvelope> events = new ArrayList<>();
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            events.clear();
            events.addAll(issuedEvents(leadId));
            assertThat(events).hasSize(1);
        });
        EventEnvelope event = events.get(0);
        assertThat(event.source()).isEqualTo("/faro/incentive-service");
        return EventCodec.instance().data(event, IncentiveIssued.class);
    }

    private List<EventEnvelope> issuedEvents(UUID leadId) {
        return kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == EventType.INCENTIVE_ISSUED)
                .toList();
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
