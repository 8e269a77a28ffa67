package dev.faro.lead.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "faro.webhooks")
public interface WebhookConfig {

    /**
     * Whether webhooks may target this machine: {@code http://} URLs to localhost, 127.0.0.1 or [::1], and
     * loopback addresses at send time. For local mode and tests only; production accepts only https URLs of
     * public addresses.
     */
    @WithDefault("false")
    boolean allowLoopback();

    Dispatch dispatch();

    interface Dispatch {

        /** Whether this instance delivers webhooks. Several may: each claims different deliveries. */
        @WithDefault("true")
        boolean enabled();

        /** How long the dispatcher sleeps when nothing is due; a commit that queues a delivery wakes it at once. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("3s")
        Duration connectTimeout();

        /** The longest a receiver may take to answer (status line and headers) before the attempt fails. */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * How long a claimed delivery stays claimed. If its dispatcher dies mid-attempt the delivery is attempted
         * again after this, with the same delivery id; it must comfortably exceed connect plus request timeout.
         */
        @WithDefault("2m")
        Duration lease();

        /** Delay after the first failed attempt; it doubles (with jitter) up to {@link #maxBackoff()}. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a delivery is given up as failed. */
        @WithDefault("10")
        int maxAttempts();
    }
}
