package dev.faro.lead.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** Starts near the top of the long range, as System.nanoTime() may, so wrap-around is exercised too. */
    private final AtomicLong clock =
            new AtomicLong(Long.MAX_VALUE - Duration.ofMinutes(5).toNanos());

    @Test
    void aFullBucketAdmitsItsBurstAtOnceThenRefuses() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);

        for (int i = 0; i < 5; i++) {
            assertThat(buckets.tryTake("203.0.113.7").admitted())
                    .as("request %d", i + 1)
                    .isTrue();
        }
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isFalse();
    }

    @Test
    void oneTokenComesBackPerIntervalAndNoSooner() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);
        drain(buckets, "203.0.113.7");

        advance(Duration.ofMillis(5_999));
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isTrue();
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isFalse();

        advance(Duration.ofSeconds(12));
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isTrue();
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isTrue();
        assertThat(buckets.tryTake("203.0.113.7").admitted()).isFalse();
    }

    @Test
    void aLongIdleBucketHoldsNoMoreThanItsBurst() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);
        drain(buckets, "203.0.113.7");

        advance(Duration.ofHours(3));

        assertThat(drain(buckets, "203.0.113.7")).isEqualTo(5);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenRoundedUp() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);
        drain(buckets, "203.0.113.7");

        assertThat(buckets.tryTake("203.0.113.7").retryAfterSeconds()).isEqualTo(6);
        advance(Duration.ofMillis(2_500));
        assertThat(buckets.tryTake("203.0.113.7").retryAfterSeconds()).isEqualTo(4);
        advance(Duration.ofMillis(3_499));
        assertThat(buckets.tryTake("203.0.113.7").retryAfterSeconds())
                .as("1 ms left is still a whole second")
                .isEqualTo(1);
    }

    @Test
    void retryAfterIsAtLeastOneSecondWhenTokensComeBackFasterThanThat() {
        TokenBuckets buckets = new TokenBuckets(100, Duration.ofSeconds(1), 1, 100, clock::get);
        buckets.tryTake("203.0.113.7");

        TokenBuckets.Admission refused = buckets.tryTake("203.0.113.7");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);
        drain(buckets, "203.0.113.7");

        assertThat(buckets.tryTake("203.0.113.8").admitted()).isTrue();
    }

    @Test
    void aFloodOfDistinctKeysNeverHoldsMoreThanTheCap() {
        TokenBuckets buckets = tenPerMinuteBurstFive(1_000);

        for (int i = 0; i < 50_000; i++) {
            buckets.tryTake("flood-" + i);
            assertThat(buckets.trackedKeys()).isLessThanOrEqualTo(1_000);
        }
    }

    @Test
    void atTheCapIdleBucketsAreForgottenBeforeBusyOnes() {
        TokenBuckets buckets = tenPerMinuteBurstFive(10);
        drain(buckets, "bot");
        for (int i = 0; i < 9; i++) {
            buckets.tryTake("visitor-" + i);
        }
        // One token each comes back after 6 s: the visitors are full again, the bot needs 30 s.
        advance(Duration.ofSeconds(10));

        buckets.tryTake("newcomer");

        assertThat(buckets.trackedKeys()).isEqualTo(2);
        assertThat(buckets.tryTake("bot").admitted())
                .as("the bot's one refilled token")
                .isTrue();
        assertThat(buckets.tryTake("bot").admitted())
                .as("the bot's bucket survived, still nearly empty")
                .isFalse();
    }

    @Test
    void evictingIdleBucketsKeepsTheBusyOnes() {
        TokenBuckets buckets = tenPerMinuteBurstFive(100);
        buckets.tryTake("visitor");
        drain(buckets, "bot");
        advance(Duration.ofSeconds(6));

        buckets.evictIdle();

        assertThat(buckets.trackedKeys()).isEqualTo(1);
        assertThat(buckets.tryTake("bot").admitted()).isTrue();
        assertThat(buckets.tryTake("bot").admitted()).isFalse();
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheBurst() throws Exception {
        TokenBuckets buckets = new TokenBuckets(1_000, Duration.ofHours(1), 500, 100, clock::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                clients.add(() -> {
                    int admitted = 0;
                    for (int i = 0; i < 1_000; i++) {
                        admitted += buckets.tryTake("203.0.113.7").admitted() ? 1 : 0;
                    }
                    return admitted;
                });
            }
            int total = 0;
            for (Future<Integer> admitted : pool.invokeAll(clients)) {
                total += admitted.get();
            }
            assertThat(total).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLimitThatAdmitsNothingIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBuckets(0, Duration.ofMinutes(1), 5, 100, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets(10, Duration.ZERO, 5, 100, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TokenBuckets tenPerMinuteBurstFive(int maxKeys) {
        return new TokenBuckets(10, Duration.ofMinutes(1), 5, maxKeys, clock::get);
    }

    private static int drain(TokenBuckets buckets, String key) {
        int admitted = 0;
        while (buckets.tryTake(key).admitted()) {
            admitted++;
        }
        return admitted;
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }
}
