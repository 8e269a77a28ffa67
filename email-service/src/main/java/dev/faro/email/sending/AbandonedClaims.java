package dev.faro.email.sending;

import dev.faro.support.worker.WakeableWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Takes back the messages claimed by sender instances that are gone (SIGKILL, a lost node): every few seconds it makes
 * due again each claim whose sender's liveness lock PostgreSQL no longer holds, so a dead sender's batch goes out
 * seconds after the crash, with its Message-IDs, instead of after its lease. The lease stays the upper bound.
 *
 * <p>It judges only when its own lock has been held for the grace period, and only claims older than that: after a
 * database restart every lock is gone at once, and live senders need a moment to take theirs again.
 */
@ApplicationScoped
public class AbandonedClaims {

    private static final Logger LOG = Logger.getLogger(AbandonedClaims.class);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final SendLedger ledger;
    private final SenderLiveness liveness;
    private final EmailConfig config;
    private final Counter reclaimed;
    private final WakeableWorker worker;

    public AbandonedClaims(SendLedger ledger, SenderLiveness liveness, EmailConfig config, MeterRegistry meters) {
        this.ledger = ledger;
        this.liveness = liveness;
        this.config = config;
        this.reclaimed = Counter.builder("faro.email.claims.reclaimed")
                .description("Claimed messages taken back from sender instances that died")
                .register(meters);
        this.worker = new WakeableWorker("email-abandoned-claims", this::reclaim, INTERVAL, INTERVAL, LOG);
    }

    void start(@Observes StartupEvent startup) {
        if (config.sending().enabled()) {
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.stop(INTERVAL);
    }

    private boolean reclaim() {
        Duration grace = config.sending().deadSenderGrace();
        if (!liveness.heldFor(grace)) {
            return false;
        }
        int taken = ledger.reclaimAbandoned(grace);
        if (taken > 0) {
            reclaimed.increment(taken);
            LOG.infof("Took back %d claimed messages from sender instances that are gone", taken);
        }
        return false;
    }
}
