package dev.faro.email.privacy;

import dev.faro.contract.UndeliverableEventException;
import dev.faro.contract.UndeliverableEventException.Reason;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.Sealed;
import dev.faro.contract.privacy.KeyWrapping;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.contract.privacy.SealBrokenException;
import dev.faro.support.inbox.NotYetKnownException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's copy of the lead data keys from faro.lead-keys, kept wrapped. It opens what lead-service
 * sealed. A key that has not arrived yet is a transient condition (the key and the event travel on different
 * topics): a caller either has its event retried ({@link #open} throws) or, having asked {@link #isKnown}, keeps the
 * event until {@link LeadKeyKept} says the key is here.
 */
@ApplicationScoped
public class LeadKeyStore {

    private final EntityManager entityManager;
    private final KeyWrapping wrapping;
    private final Event<LeadKeyKept> kept;

    /** @param wrappingKey shared with lead-service; environment FARO_KEY_WRAPPING_KEY */
    public LeadKeyStore(
            EntityManager entityManager,
            @ConfigProperty(name = "faro.lead-keys.wrapping-key") String wrappingKey,
            Event<LeadKeyKept> kept) {
        this.entityManager = entityManager;
        this.wrapping = KeyWrapping.fromBase64(wrappingKey);
        this.kept = kept;
    }

    /** Keeps the key and fires {@link LeadKeyKept}; the caller holds the lead's {@link LeadKeyLock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(LeadKeyIssued key) {
        entityManager
                .createNativeQuery(
                        """
                        insert into lead_key (lead_id, wrapping_key_id, nonce, wrapped_key)
                        values (:lead, :wrappingKeyId, :nonce, :wrappedKey)
                        on conflict (lead_id) do nothing
                        """)
                .setParameter("lead", key.leadId())
                .setParameter("wrappingKeyId", key.wrappingKeyId())
                .setParameter("nonce", key.wrappedKey().nonce())
                .setParameter("wrappedKey", key.wrappedKey().ciphertext())
                .executeUpdate();
        kept.fire(new LeadKeyKept(key.leadId()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID leadId) {
        entityManager
                .createNativeQuery("delete from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
    }

    /** Whether the lead's key has arrived; a caller that acts on the answer holds the lead's {@link LeadKeyLock}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isKnown(UUID leadId) {
        return !entityManager
                .createNativeQuery("select 1 from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Why the box will never open with the lead's key, which is here; empty if it opens. Unlike {@link #open}, a
     * broken box found here does not mark the caller's transaction for rollback, so the caller may go on.
     */
    public Optional<UndeliverableEventException> brokenSeal(UUID leadId, Sealed sealed, Class<? extends Record> type) {
        try {
            unseal(leadId, sealed, type);
            return Optional.empty();
        } catch (UndeliverableEventException broken) {
            return Optional.of(broken);
        }
    }

    /**
     * Opens a box sealed with the lead's key.
     *
     * @throws NotYetKnownException while the key has not arrived from faro.lead-keys
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> T open(UUID leadId, Sealed sealed, Class<T> type) {
        return unseal(leadId, sealed, type);
    }

    /** Not intercepted (private), so a broken box does not mark the transaction for rollback on its way out. */
    private <T extends Record> T unseal(UUID leadId, Sealed sealed, Class<T> type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select wrapping_key_id, nonce, wrapped_key from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotYetKnownException("the data key of lead " + leadId);
        }
        Object[] row = rows.get(0);
        // A key wrapped with another wrapping key is a configuration fault that an operator can fix, so it stays
        // transient (retried, loudly); a box that does not open with the lead's own key never will.
        byte[] dataKey = wrapping.unwrap(leadId, (String) row[0], new Sealed((String) row[1], (String) row[2]));
        try {
            return LeadSeal.open(dataKey, leadId, sealed, type);
        } catch (SealBrokenException broken) {
            throw new UndeliverableEventException(Reason.SEAL_BROKEN, broken.getMessage());
        }
    }
}
