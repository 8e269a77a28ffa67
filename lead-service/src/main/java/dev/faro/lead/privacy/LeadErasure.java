package dev.faro.lead.privacy;

import dev.faro.contract.events.LeadErased;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Forgets a lead in one transaction: its row and everything hanging off it (consent ledger, data key, webhook
 * deliveries) go, the data key is destroyed on faro.lead-keys, and {@code LeadErased} tells the other services
 * to purge what they hold. A suppression entry, when asked for, keeps a replay from bringing the person back.
 */
@ApplicationScoped
public class LeadErasure {

    /** Why a lead was erased; travels in {@code LeadErased.reason}. */
    public enum Reason {
        /** An administrator erased the lead (a request made to the controller). */
        ADMIN_REQUEST("admin-request"),
        /** The person erased themselves through the link sent to their address. */
        SELF_SERVICE("self-service"),
        /** A pending lead never confirmed its address within the allowed days. */
        UNCONFIRMED("unconfirmed");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final EntityManager entityManager;
    private final LeadKeys keys;
    private final Suppression suppression;
    private final Outbox outbox;

    public LeadErasure(EntityManager entityManager, LeadKeys keys, Suppression suppression, Outbox outbox) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.suppression = suppression;
        this.outbox = outbox;
    }

    /**
     * Erases the lead if it exists; returns its campaign, or empty when there was nothing to erase (a second
     * request is harmless). A person who asked to be forgotten is suppressed; a lead purged for never
     * confirming is not, since it never became a subscription.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> erase(UUID leadId, Reason reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("delete from lead where id = :id returning campaign_id, email")
                .setParameter("id", leadId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String campaign = (String) rows.get(0)[0];
        String email = (String) rows.get(0)[1];
        keys.destroy(leadId);
        if (reason != Reason.UNCONFIRMED) {
            suppression.add(email, Instant.now());
        }
        outbox.append(leadId.toString(), new LeadErased(leadId, campaign, reason.wire()));
        return Optional.of(campaign);
    }

    /** Erases every lead of the address, in every campaign; returns their ids, oldest first (none if unknown). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> eraseAddress(String email, Reason reason) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery(
                        "select id from lead where email = :email order by created_at, id for update", UUID.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultList();
        ids.forEach(id -> erase(id, reason));
        return ids;
    }
}
