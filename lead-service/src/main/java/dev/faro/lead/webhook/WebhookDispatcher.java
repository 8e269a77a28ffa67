package dev.faro.lead.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.lead.leads.LeadReader;
import dev.faro.lead.leads.LeadView;
import dev.faro.support.worker.WakeableWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Delivers what the queue says is due, from its own thread, so that a slow or broken receiver never holds up
 * capture. Each delivery is claimed in one transaction, posted with no transaction open, and its outcome recorded
 * with its line in the delivery log in another. The lead is read fresh for every attempt: a receiver gets the lead
 * as it is, and nothing at all once the lead has been erased. A crash between posting and recording posts again
 * after the claim runs out, with the same Faro-Delivery id, which receivers use to recognise the copy.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryQueue queue;
    private final LeadReader leads;
    private final WebhookClient client;
    private final WebhookConfig.Dispatch config;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private WakeableWorker worker;

    public WebhookDispatcher(
            DeliveryQueue queue,
            LeadReader leads,
            WebhookClient client,
            WebhookConfig config,
            ObjectMapper json,
            MeterRegistry meters) {
        this.queue = queue;
        this.leads = leads;
        this.client = client;
        this.config = config.dispatch();
        this.json = json;
        this.meters = meters;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        // A failing step means the database is unreachable, say: a claimed delivery is retried when its claim
        // runs out.
        worker = new WakeableWorker(
                "webhook-dispatcher", this::deliverNextDue, config.pollInterval(), config.pollInterval(), LOG);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker != null) {
            worker.stop(config.connectTimeout().plus(config.requestTimeout()).plusSeconds(1));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Makes one attempt at the most overdue delivery, if one is due; false when nothing is. */
    boolean deliverNextDue() throws InterruptedException {
        Optional<ClaimedDelivery> claimed = queue.claimNext(config.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        ClaimedDelivery delivery = claimed.get();
        Optional<LeadView> lead = leads.find(delivery.leadId());
        if (lead.isEmpty()) {
            if (queue.cancel(delivery)) {
                count(delivery, "cancelled");
            }
            return true;
        }
        AttemptResult result = client.post(delivery, body(delivery, lead.get()));
        record(delivery, result);
        return true;
    }

    private void record(ClaimedDelivery delivery, AttemptResult result) {
        if (result.delivered()) {
            if (queue.markDelivered(delivery, result)) {
                count(delivery, "delivered");
            }
        } else if (delivery.attempt() >= config.maxAttempts()) {
            if (queue.markFailed(delivery, result)) {
                count(delivery, "failed");
                LOG.warnf("Gave up %s after %d attempts: %s", delivery, delivery.attempt(), result.describe());
            }
        } else {
            Duration delay = RetryBackoff.afterAttempt(
                    delivery.attempt(), config.initialBackoff(), config.maxBackoff(), ThreadLocalRandom.current());
            if (queue.retryLater(delivery, result, delay)) {
                count(delivery, "retried");
                LOG.infof("Attempt at %s failed (%s); retrying in %s", delivery, result.describe(), delay);
            }
        }
    }

    private byte[] body(ClaimedDelivery delivery, LeadView lead) {
        try {
            return json.writeValueAsBytes(
                    new WebhookPayload(delivery.event().wireName(), delivery.id(), delivery.occurredAt(), lead));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body of " + delivery, e);
        }
    }

    private void count(ClaimedDelivery delivery, String outcome) {
        meters.counter("faro.webhook.deliveries", "event", delivery.event().wireName(), "outcome", outcome)
                .increment();
    }
}
