package dev.faro.email.sending;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "faro.email")
public interface EmailConfig {

    /** The From header of every message; set {@code FARO_EMAIL_FROM} in production. */
    @WithDefault("Faro <hola@faro.local>")
    String from();

    /** The sender's postal address, shown in the footer of every non-transactional message. */
    @WithDefault("Faro · Calle Mayor 1 · 28013 Madrid · España")
    String postalAddress();

    /**
     * An address that unsubscribes by email (say {@code unsubscribe@faro.example.org}). When set, List-Unsubscribe
     * offers it after the HTTPS link, with the link's token in the subject, for mail clients that only write.
     */
    Optional<String> unsubscribeMailto();

    Sending sending();

    interface Sending {

        int MAX_CLAIM_BATCH = 256;

        /** Whether this instance runs the sender. Several may: each claims different ledger rows. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Sender threads in this instance. Each takes the messages of its own share of the leads, so one lead's
         * messages still go out one at a time, as with a single sender; the threads overlap their SMTP
         * conversations and database commits. At most {@value SenderShare#MAX_COUNT}.
         */
        @WithDefault("4")
        @Min(1)
        @Max(SenderShare.MAX_COUNT)
        int concurrency();

        /**
         * The most due messages a sender thread claims at once. It sends them one after another, so a larger batch
         * saves claims (one scan of the due rows, one commit) when the sender is behind, and holds them longer.
         */
        @WithDefault("16")
        @Min(1)
        @Max(MAX_CLAIM_BATCH)
        int claimBatch();

        /** How long the sender sleeps when nothing is due; a commit that adds an intent wakes it at once. */
        @WithDefault("1s")
        Duration pollInterval();

        /** The longest one SMTP conversation may take before it counts as a transient failure. */
        @WithDefault("30s")
        Duration sendTimeout();

        /**
         * How long a claimed message stays claimed at most. If its sender instance dies mid-attempt, a running
         * instance takes the message back after {@link #deadSenderGrace()}; this lease is the bound when nobody can
         * tell (a claim made before claims named their instance). It must comfortably exceed {@link #sendTimeout()}.
         */
        @WithDefault("5m")
        Duration attemptTimeout();

        /**
         * How long a claim must have been held, and how long an instance must have held its own liveness lock, before
         * it may take back the claims of a sender instance whose lock is gone (see {@code AbandonedClaims}). Longer
         * than a live instance needs to take its lock again after a database restart; far shorter than the lease.
         */
        @WithDefault("15s")
        Duration deadSenderGrace();

        /** Delay after the first transient failure; it doubles (with jitter) up to {@link #maxBackoff()}. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a message that keeps failing transiently is given up as failed. */
        @WithDefault("10")
        int maxAttempts();
    }
}
