package dev.faro.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.support.inbox.EventInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The live consumers' counting, a poll at a time, against this service's PostgreSQL: the records are handed to the
 * inbox as the batch channels hand them over, so the test decides what arrives together.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class TransactionCountingTest {

    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final List<String> PAGES =
            IntStream.range(0, 12).mapToObj(i -> "page-" + i).toList();

    @Inject
    EventInbox inbox;

    @Inject
    FunnelCounting counting;

    @Inject
    EntityManager entityManager;

    @Test
    void aPollsCountsAreWrittenInItsOneTransactionAndALaterEventOfALeadCountsUnderItsCaptureInThatPoll() {
        String campaign = FunnelClient.uniqueCampaign();
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID lead = UUID.randomUUID();
            poll.add(record(Topics.LEADS, lead, captured(campaign, lead, "oferta")));
            poll.add(record(Topics.INCENTIVES, lead, issued(campaign, lead)));
        }
        poll.add(poll.get(0)); // a redelivery within the poll

        inbox.receiveAll(poll, counting.handlers());

        assertThat(count(campaign, "oferta", FunnelStage.LEAD_CAPTURED)).isEqualTo(10);
        assertThat(count(campaign, "oferta", FunnelStage.INCENTIVE_ISSUED))
                .as("incentives counted under the landing page their leads were captured on, earlier in the poll")
                .isEqualTo(10);
        assertThat(transactionsOf(poll))
                .as("transactions that recorded the poll's events and wrote its counts")
                .hasSize(1)
                .containsExactlyElementsOf(transactionsOfFacts(campaign));
    }

    @Test
    void pollsOfThreeConsumersBumpingTheSameRowsInTheirOwnOrdersCountEachLeadOnce() throws Exception {
        String campaign = FunnelClient.uniqueCampaign();
        long deadlocksBefore = deadlocks();
        int rounds = 20;
        int consumers = 3;
        ExecutorService threads = Executors.newFixedThreadPool(consumers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int consumer = 0; consumer < consumers; consumer++) {
                Random order = new Random(consumer);
                running.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        // One lead per landing page, the pages in an order of this consumer's own.
                        List<String> pages = new ArrayList<>(PAGES);
                        Collections.shuffle(pages, order);
                        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
                        for (String page : pages) {
                            UUID lead = UUID.randomUUID();
                            poll.add(record(Topics.LEADS, lead, captured(campaign, lead, page)));
                        }
                        inbox.receiveAll(poll, counting.handlers());
                    }
                }));
            }
            for (Future<?> consumer : running) {
                consumer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        for (String page : PAGES) {
            assertThat(count(campaign, page, FunnelStage.LEAD_CAPTURED))
                    .as("leads of page %s", page)
                    .isEqualTo(rounds * consumers);
        }
        // A deadlock would not change the counts (the poll is then applied event by event), so look for one too. The
        // counts are written in key order so that there is none; PostgreSQL's statistics arrive a moment late.
        await("no new deadlock in faro_analytics")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(this::deadlocks, equalTo(deadlocksBefore));
    }

    @Test
    void anErasureInAPollDropsWhatWasCountedForTheLeadBeforeItAndKeepsWhatCameAfter() {
        String campaign = FunnelClient.uniqueCampaign();
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        inbox.receiveAll(
                List.of(
                        record(Topics.LEADS, erased, captured(campaign, erased, "oferta")),
                        record(Topics.INCENTIVES, erased, issued(campaign, erased)),
                        record(Topics.LEADS, kept, captured(campaign, kept, "oferta"))),
                counting.handlers());

        inbox.receiveAll(
                List.of(
                        record(Topics.EMAILS, erased, ofLead(EventType.EMAIL_CLICKED, campaign, erased)),
                        record(Topics.LEADS, erased, erasure(campaign, erased)),
                        record(Topics.EMAILS, erased, ofLead(EventType.EMAIL_CLICKED, campaign, erased)),
                        record(Topics.INCENTIVES, kept, issued(campaign, kept))),
                counting.handlers());

        assertThat(countedFor(erased)).as("counted for the erased lead").isEqualTo("clicks=1");
        assertThat(countedFor(kept)).as("counted for the other lead").isEqualTo("incentives_issued=1,leads=1");
    }

    @Test
    void pollsErasingLeadsWhileOthersCountTheSameLeadsInTheirOwnOrdersDoNotDeadlock() throws Exception {
        String campaign = FunnelClient.uniqueCampaign();
        List<UUID> leads =
                IntStream.range(0, 24).mapToObj(i -> UUID.randomUUID()).toList();
        inbox.receiveAll(
                leads.stream()
                        .map(lead -> record(Topics.LEADS, lead, captured(campaign, lead, "oferta")))
                        .toList(),
                counting.handlers());
        // The clicks count on another day than the erasures and confirmations: consumers that bump some of the same
        // fact rows wait for each other there, so these meet only on the leads' own rows.
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        long deadlocksBefore = deadlocks();
        int rounds = 15;
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int consumer = 0; consumer < 3; consumer++) {
                boolean erasing = consumer == 0;
                Random order = new Random(consumer);
                running.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<UUID> shuffled = new ArrayList<>(leads);
                        Collections.shuffle(shuffled, order);
                        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
                        for (int n = 0; n < shuffled.size(); n++) {
                            UUID lead = shuffled.get(n);
                            if (!erasing) {
                                poll.add(record(
                                        Topics.EMAILS,
                                        lead,
                                        TimedEvents.at(yesterday, ofLead(EventType.EMAIL_CLICKED, campaign, lead))));
                            } else if (n % 2 == 0) {
                                poll.add(record(Topics.LEADS, lead, erasure(campaign, lead)));
                            } else {
                                poll.add(record(Topics.LEADS, lead, ofLead(EventType.LEAD_CONFIRMED, campaign, lead)));
                            }
                        }
                        inbox.receiveAll(poll, counting.handlers());
                    }
                }));
            }
            for (Future<?> consumer : running) {
                consumer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(leads.stream().map(this::countedFor))
                .as("what was counted for each lead")
                .allSatisfy(counted -> assertThat(counted).doesNotContain("=0").doesNotContain("=-"));
        await("no new deadlock in faro_analytics")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(this::deadlocks, equalTo(deadlocksBefore));
    }

    /** The lead's rows of {@code lead_counted} as {@code stage=times}, by stage, comma-separated. */
    private String countedFor(UUID lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = entityManager
                    .createNativeQuery(
                            "select stage || '=' || times from lead_counted where lead_id = :lead order by stage")
                    .setParameter("lead", lead)
                    .getResultList();
            return String.join(",", rows);
        });
    }

    private long count(String campaign, String page, FunnelStage stage) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select coalesce(sum(%s), 0) from funnel_fact where campaign = :campaign"
                                        .formatted(stage.column())
                                + " and landing_page = :page")
                        .setParameter("campaign", campaign)
                        .setParameter("page", page)
                        .getSingleResult())
                .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> transactionsOf(List<ConsumerRecord<String, String>> records) {
        List<UUID> ids = records.stream()
                .map(record -> EventCodec.instance().decode(record.value()).id())
                .distinct()
                .toList();
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select distinct xmin::text from processed_event where event_id in (:ids)")
                .setParameter("ids", ids)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> transactionsOfFacts(String campaign) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select distinct xmin::text from funnel_fact where campaign = :campaign")
                .setParameter("campaign", campaign)
                .getResultList());
    }

    /** Deadlocks PostgreSQL has detected in this database. */
    private long deadlocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select deadlocks from pg_stat_database where datname = current_database()")
                        .getSingleResult())
                .longValue());
    }

    private static EventEnvelope captured(String campaign, UUID lead, String page) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("campaign", campaign, "leadId", lead, "landingPage", page));
    }

    private static EventEnvelope issued(String campaign, UUID lead) {
        return GoldenEvents.fresh(
                EventType.INCENTIVE_ISSUED,
                Map.of("campaign", campaign, "leadId", lead, "incentiveId", UUID.randomUUID()));
    }

    private static EventEnvelope ofLead(EventType type, String campaign, UUID lead) {
        return GoldenEvents.fresh(type, Map.of("campaign", campaign, "leadId", lead));
    }

    private static EventEnvelope erasure(String campaign, UUID lead) {
        return GoldenEvents.fresh(
                EventType.LEAD_ERASED, Map.of("campaign", campaign, "leadId", lead, "reason", "admin-request"));
    }

    private static ConsumerRecord<String, String> record(TopicSpec topic, UUID key, EventEnvelope event) {
        return new ConsumerRecord<>(
                topic.name(),
                0,
                OFFSETS.incrementAndGet(),
                key.toString(),
                EventCodec.instance().encode(event));
    }
}
