package dev.faro.support.campaign;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link CampaignViews} up to date. A service that needs campaigns sets the build property
 * {@code faro.campaign-view.enabled=true} and configures the {@code campaigns} channel (topic
 * {@code faro.campaigns}); lead-service, which owns campaigns, does not. One consumer group per service is
 * enough, since every instance of the service reads the same database.
 */
@ApplicationScoped
@IfBuildProperty(name = "faro.campaign-view.enabled", stringValue = "true")
public class CampaignViewConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public CampaignViewConsumer(EventInbox inbox, CampaignViews views) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(CampaignChanged.class, (event, campaign) -> views.apply(campaign))
                .build();
    }

    @Incoming("campaigns")
    @Blocking
    public void onCampaignChanged(ConsumerRecord<String, String> record) {
        inbox.receive(record, handlers);
    }
}
