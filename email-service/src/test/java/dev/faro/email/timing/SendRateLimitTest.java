package dev.faro.email.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.email.sending.SendLedger;
import dev.faro.email.timing.TimingLeads.LedgerRow;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Marketing mail paced to 2 per second with a burst of 2, through the bucket every replica shares. */
@QuarkusTest
@TestProfile(SendRateLimitTest.TwoPerSecond.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SendRateLimitTest {

    private static final double RATE = 2;
    private static final int BURST = 2;
    private static final int LEADS = 10;

    public static class TwoPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.email.timing.send-rate", String.valueOf(RATE),
                    "faro.email.timing.burst", String.valueOf(BURST));
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Inject
    EntityManager entityManager;

    @Inject
    SendLedger ledger;

    @Inject
    SendRateBuckets buckets;

    @Inject
    MeterRegistry meters;

    private TimingLeads leads;

    @BeforeEach
    void fixture() {
        leads = new TimingLeads(kafka, entityManager, ledger);
    }

    @Test
    void marketingEmailsDueTogetherLeaveNoFasterThanTheRateAllows() {
        List<LeadEvents> batch = IntStream.range(0, LEADS)
                .mapToObj(i -> leads.captured("Europe/Madrid"))
                .toList();
        double deferredBefore = rateDeferrals();

        batch.forEach(lead -> leads.remind(lead, 1));

        List<Instant> sentAt =
                await().atMost(Duration.ofSeconds(60)).until(() -> sentTimes(batch), times -> times.size() == LEADS);
        // A token is taken just before the SMTP conversation and sent_at stamped just after it, so a pair of
        // sent_at may sit closer together than their tokens did by up to one conversation: allow one more message.
        for (int first = 0; first < LEADS; first++) {
            for (int last = first + 1; last < LEADS; last++) {
                double seconds =
                        Duration.between(sentAt.get(first), sentAt.get(last)).toNanos() / 1e9;
                assertThat(last - first + 1)
                        .as("emails sent between %s and %s", sentAt.get(first), sentAt.get(last))
                        .isLessThanOrEqualTo((int) Math.floor(BURST + RATE * seconds) + 1);
            }
        }
        assertThat(Duration.between(sentAt.get(0), sentAt.get(LEADS - 1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis((long) ((LEADS - BURST - 1) / RATE * 1000)));
        assertThat(rateDeferrals()).isGreaterThan(deferredBefore);
    }

    @Test
    void concurrentSendersNeverTakeMoreTokensThanTheBucketHolds() throws Exception {
        String bucket = "test-" + UUID.randomUUID().toString().substring(0, 8);
        int held = 3;
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        "insert into send_rate_bucket (name, tokens, refilled_at) values (:name, :tokens, now())")
                .setParameter("name", bucket)
                .setParameter("tokens", held)
                .executeUpdate());
        int senders = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Duration>> takes = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Callable<Duration> take = () -> {
                    start.await();
                    // A token every 1000 s: none comes back while the test runs.
                    return buckets.take(bucket, 0.001, held);
                };
                takes.add(pool.submit(take));
            }
            start.countDown();
            List<Duration> waits = new ArrayList<>();
            for (Future<Duration> take : takes) {
                waits.add(take.get());
            }
            assertThat(waits).filteredOn(Duration::isZero).hasSize(held);
            assertThat(waits)
                    .filteredOn(wait -> !wait.isZero())
                    .allMatch(wait -> wait.compareTo(Duration.ofSeconds(900)) > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** When each lead's reminder was sent, in order; only the reminders sent so far. */
    private List<Instant> sentTimes(List<LeadEvents> batch) {
        return batch.stream()
                .flatMap(lead -> leads.reminders(lead).stream())
                .filter(LedgerRow::sent)
                .map(LedgerRow::sentAt)
                .sorted()
                .toList();
    }

    private double rateDeferrals() {
        return meters.counter(Deferrals.METER, "reason", "send-rate").count();
    }
}
