package dev.faro.support.worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A background thread that works through a queue kept in the database (outbox rows, due emails). It runs a
 * step again at once while the step reports more work, otherwise sleeps until woken (a commit that added
 * work) or until the poll interval passes (work added by another instance). After a failure it pauses for
 * the failure pause, which new work does not cut short: a broken dependency must not turn into a busy loop.
 */
public final class WakeableWorker {

    /** One unit of work; returns true when more work is probably waiting. */
    @FunctionalInterface
    public interface Step {
        boolean runOnce() throws Exception;
    }

    private final String name;
    private final Step step;
    private final Duration pollInterval;
    private final Duration failurePause;
    private final Logger log;
    private final Semaphore wakeUp = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    public WakeableWorker(String name, Step step, Duration pollInterval, Duration failurePause, Logger log) {
        this.name = name;
        this.step = step;
        this.pollInterval = pollInterval;
        this.failurePause = failurePause;
        this.log = log;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::runUntilStopped, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a step soon; cheap and safe to call from any thread, as often as work appears. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Stops after the current step, waiting at most {@code grace} for it. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        stopping.countDown();
        wakeUp.release();
        if (thread != null) {
            thread.join(grace.toMillis());
        }
    }

    private void runUntilStopped() {
        while (stopping.getCount() > 0) {
            try {
                if (!step.runOnce()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warnf("%s failed (%s); retrying in %s", name, rootMessage(e), failurePause);
                try {
                    stopping.await(failurePause.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
