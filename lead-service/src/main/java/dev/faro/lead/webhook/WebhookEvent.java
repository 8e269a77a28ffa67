package dev.faro.lead.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can subscribe to, by the name receivers see in {@code Faro-Event} and the body. */
enum WebhookEvent {
    LEAD_CAPTURED("lead.captured"),
    LEAD_CONFIRMED("lead.confirmed");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<WebhookEvent> of(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }
}
