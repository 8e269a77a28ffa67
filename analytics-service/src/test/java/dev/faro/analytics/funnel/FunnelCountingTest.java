package dev.faro.analytics.funnel;

import static dev.faro.analytics.funnel.FunnelClient.countsOf;
import static dev.faro.analytics.funnel.FunnelClient.uniqueCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.EmailSent;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.DeadLetterQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class FunnelCountingTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    private TestKafka kafka;

    @BeforeEach
    void connect() {
        kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }

    @Test
    void leadIncentiveAndEmailEventsAreCountedInTheCampaignFunnel() {
        String campaign = uniqueCampaign();

        LeadJourney.of(campaign).publishTo(kafka);

        await("funnel of " + campaign).atMost(CONSUMED).until(() -> countsOf(campaign), equalTo("1/1/1"));
    }

    @Test
    void redeliveredEventsAreCountedOnceWhileANewLeadIsCountedAgain() {
        String campaign = uniqueCampaign();
        LeadJourney first = LeadJourney.of(campaign);
        first.publishTo(kafka);
        await("funnel of " + campaign).atMost(CONSUMED).until(() -> countsOf(campaign), equalTo("1/1/1"));

        first.publishTo(kafka);

        await("funnel of " + campaign + " after redelivery")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> countsOf(campaign), equalTo("1/1/1"));

        LeadJourney second = LeadJourney.of(campaign);
        kafka.publish(second.leadId(), second.captured());

        await("funnel of " + campaign + " after a second lead")
                .atMost(CONSUMED)
                .until(() -> countsOf(campaign), equalTo("2/1/1"));
    }

    @Test
    void whatTheFunnelCountedIsKeptPerLeadAndARedeliveryCountsNothingMore() {
        LeadJourney journey = LeadJourney.of(uniqueCampaign());
        journey.publishTo(kafka);

        String counted = "emails_sent=1,incentives_issued=1,leads=1";
        await("counts of lead " + journey.leadId())
                .atMost(CONSUMED)
                .until(() -> countedFor(journey.leadId()), equalTo(counted));

        journey.publishTo(kafka);

        await("counts of lead " + journey.leadId() + " after redelivery")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> countedFor(journey.leadId()), equalTo(counted));
    }

    @Test
    void erasingALeadDeletesWhatWasCountedForIt() {
        String campaign = uniqueCampaign();
        LeadJourney erased = LeadJourney.of(campaign);
        LeadJourney kept = LeadJourney.of(campaign);
        erased.publishTo(kafka);
        kept.publishTo(kafka);
        kafka.publish(
                erased.leadId(),
                GoldenEvents.fresh(EventType.EMAIL_CLICKED, Map.of("campaign", campaign, "leadId", erased.leadId())));
        await("counts of lead " + erased.leadId())
                .atMost(CONSUMED)
                .until(
                        () -> countedFor(erased.leadId()),
                        equalTo("clicks=1,emails_sent=1,incentives_issued=1,leads=1"));
        await("counts of lead " + kept.leadId())
                .atMost(CONSUMED)
                .until(() -> countedFor(kept.leadId()), equalTo("emails_sent=1,incentives_issued=1,leads=1"));

        kafka.publish(
                erased.leadId(),
                GoldenEvents.fresh(
                        EventType.LEAD_ERASED,
                        Map.of("campaign", campaign, "leadId", erased.leadId(), "reason", "admin-request")));

        await("counts of erased lead " + erased.leadId())
                .atMost(CONSUMED)
                .until(() -> countedFor(erased.leadId()), equalTo(""));
        await("the erasure in the funnel").atMost(CONSUMED).until(() -> erasures(campaign), equalTo(1L));
        assertThat(countedFor(kept.leadId())).isEqualTo("emails_sent=1,incentives_issued=1,leads=1");
    }

    @Test
    void onlyTheIncentiveEmailCountsAsTheFunnelsEmailStage() {
        String campaign = uniqueCampaign();
        String leadId = UUID.randomUUID().toString();

        kafka.publish(
                leadId,
                GoldenEvents.fresh(
                        EventType.EMAIL_SENT,
                        Map.of("campaign", campaign, "leadId", leadId, "messageKind", EmailSent.KIND_CONFIRMATION)));
        kafka.publish(leadId, GoldenEvents.fresh(EventType.EMAIL_SENT, Map.of("campaign", campaign, "leadId", leadId)));

        await("funnel of " + campaign)
                .during(Duration.ofSeconds(2))
                .atMost(CONSUMED)
                .until(() -> countsOf(campaign), equalTo("0/0/1"));
    }

    @Test
    void unknownEventTypeIsDeadLetteredAndTheNextEventIsStillCounted() {
        String campaign = uniqueCampaign();
        String leadId = UUID.randomUUID().toString();
        EventEnvelope sent = GoldenEvents.fresh(EventType.EMAIL_SENT, Map.of("campaign", campaign, "leadId", leadId));
        ObjectNode unknown = EventCodec.instance().mapper().valueToTree(sent);
        unknown.put("id", UUID.randomUUID().toString()).put("type", "dev.faro.email.bounced");

        // Same key, so the valid event sits behind the poison record on the same partition.
        kafka.publishRaw(Topics.EMAILS.name(), leadId, unknown.toString());
        kafka.publish(leadId, sent);

        await("funnel of " + campaign).atMost(CONSUMED).until(() -> countsOf(campaign), equalTo("0/0/1"));
        await("dead letter of lead " + leadId).atMost(CONSUMED).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked =
                    kafka.records(Topics.DEAD_LETTER.name(), record -> leadId.equals(record.key()));
            assertThat(parked).singleElement().satisfies(record -> {
                assertThat(record.value()).isEqualTo(unknown.toString());
                assertThat(TestKafka.header(record, DeadLetterQueue.REASON_HEADER))
                        .hasValue("UNKNOWN_TYPE");
                assertThat(TestKafka.header(record, DeadLetterQueue.CONSUMER_HEADER))
                        .hasValue("analytics-service");
            });
        });
    }

    /** The lead's rows of {@code lead_counted} as {@code stage=times}, by stage, comma-separated. */
    private String countedFor(String leadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = entityManager
                    .createNativeQuery(
                            """
                            select stage || '=' || times from lead_counted
                            where lead_id = cast(:lead as uuid) order by stage
                            """)
                    .setParameter("lead", leadId)
                    .getResultList();
            return String.join(",", rows);
        });
    }

    private long erasures(String campaign) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                "select coalesce(sum(erasures), 0) from funnel_fact where campaign = :campaign")
                        .setParameter("campaign", campaign)
                        .getSingleResult())
                .longValue());
    }
}
