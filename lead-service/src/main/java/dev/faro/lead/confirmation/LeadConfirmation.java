package dev.faro.lead.confirmation;

import dev.faro.contract.events.LeadConfirmed;
import dev.faro.lead.webhook.LeadWebhooks;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Confirms a pending lead: its status, {@code LeadConfirmed} and the campaign's webhook deliveries commit together.
 * Only the update that moves the lead out of {@code pending} publishes, so a second click (or two at once) changes
 * nothing more.
 */
@ApplicationScoped
public class LeadConfirmation {

    /** What a confirmation found. */
    public enum Outcome {
        /** Still waiting for its confirmation (only a lookup answers this). */
        PENDING,
        CONFIRMED,
        ALREADY_CONFIRMED,
        /** The lead no longer exists: erased, or purged for never confirming. */
        GONE
    }

    /** The outcome and, for a lead that still exists, the language to answer in. */
    public record Result(Outcome outcome, Optional<String> locale) {}

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final LeadWebhooks webhooks;

    public LeadConfirmation(EntityManager entityManager, Outbox outbox, LeadWebhooks webhooks) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    @Transactional
    public Result confirm(UUID leadId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        @SuppressWarnings("unchecked")
        List<Object[]> confirmed = entityManager
                .createNativeQuery(
                        """
                        update lead set status = 'confirmed', confirmed_at = :now, updated_at = :now
                        where id = :id and status = 'pending'
                        returning campaign_id, locale
                        """)
                .setParameter("now", now)
                .setParameter("id", leadId)
                .getResultList();
        if (confirmed.isEmpty()) {
            return current(leadId);
        }
        String campaign = (String) confirmed.get(0)[0];
        outbox.append(leadId.toString(), new LeadConfirmed(leadId, campaign));
        webhooks.leadConfirmed(leadId, campaign, now);
        return new Result(Outcome.CONFIRMED, Optional.of((String) confirmed.get(0)[1]));
    }

    /** Where the lead stands, without changing it: for links that can no longer confirm (expired ones). */
    @Transactional
    public Result current(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select status, locale from lead where id = :id")
                .setParameter("id", leadId)
                .getResultList();
        if (rows.isEmpty()) {
            return new Result(Outcome.GONE, Optional.empty());
        }
        Outcome outcome = "confirmed".equals(rows.get(0)[0]) ? Outcome.ALREADY_CONFIRMED : Outcome.PENDING;
        return new Result(outcome, Optional.of((String) rows.get(0)[1]));
    }
}
