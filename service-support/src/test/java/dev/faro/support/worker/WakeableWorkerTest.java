package dev.faro.support.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeableWorkerTest {

    private static final Logger LOG = Logger.getLogger(WakeableWorkerTest.class);
    private static final Duration LONG = Duration.ofMinutes(10);

    private WakeableWorker worker;

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void keepsSteppingWhileThereIsMoreWorkThenWaitsToBeWoken() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch drained = new CountDownLatch(5);
        CountDownLatch wokenStep = new CountDownLatch(6);
        worker = new WakeableWorker(
                "test-worker",
                () -> {
                    int step = steps.incrementAndGet();
                    drained.countDown();
                    wokenStep.countDown();
                    return step < 5;
                },
                LONG,
                LONG,
                LOG);

        worker.start();

        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(wokenStep.await(300, TimeUnit.MILLISECONDS))
                .as("idle until woken")
                .isFalse();
        worker.wake();
        assertThat(wokenStep.await(5, TimeUnit.SECONDS))
                .as("a wake-up runs a step")
                .isTrue();
    }

    @Test
    void aFailurePausesForTheFailurePauseEvenWhenWorkKeepsArriving() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch firstAttempt = new CountDownLatch(1);
        worker = new WakeableWorker(
                "failing-worker",
                () -> {
                    attempts.incrementAndGet();
                    firstAttempt.countDown();
                    throw new IllegalStateException("dependency down");
                },
                Duration.ofMillis(10),
                LONG,
                LOG);

        worker.start();
        assertThat(firstAttempt.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            worker.wake();
        }

        CountDownLatch never = new CountDownLatch(1);
        assertThat(never.await(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void stopEndsAPauseAtOnce() throws Exception {
        CountDownLatch firstAttempt = new CountDownLatch(1);
        worker = new WakeableWorker(
                "stopping-worker",
                () -> {
                    firstAttempt.countDown();
                    throw new IllegalStateException("down");
                },
                LONG,
                LONG,
                LOG);
        worker.start();
        assertThat(firstAttempt.await(5, TimeUnit.SECONDS)).isTrue();

        long began = System.nanoTime();
        worker.stop(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        worker = null;
    }
}
