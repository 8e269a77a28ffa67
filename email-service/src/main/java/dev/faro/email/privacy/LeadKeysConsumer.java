package dev.faro.email.privacy;

import dev.faro.contract.events.LeadKeyDestroyed;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the lead data keys from faro.lead-keys (and, in the same transaction, opens what was waiting for one); a
 * destroyed key means the lead was erased.
 */
@ApplicationScoped
public class LeadKeysConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public LeadKeysConsumer(EventInbox inbox, LeadKeyStore keys, LeadKeyLock lock, ErasedLeads erased) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadKeyIssued.class, (event, key) -> {
                    lock.hold(key.leadId());
                    if (!erased.isErased(key.leadId())) {
                        keys.keep(key);
                    }
                })
                .on(LeadKeyDestroyed.class, (event, destroyed) -> erased.erase(destroyed.leadId()))
                .build();
    }

    @Incoming("lead-keys")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.receiveAll(records, handlers);
    }
}
