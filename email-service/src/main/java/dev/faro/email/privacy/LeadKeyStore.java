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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's copy of the lead data keys from faro.lead-keys, kept wrapped. It opens what lead-service
 * sealed; a key that has not arrived yet is a transient condition (the key and the event travel on different
 * topics), so the caller's event is retried rather than dead-lettered.
 */
@ApplicationScoped
public class LeadKeyStore {

    private final EntityManager entityManager;
    private final KeyWrapping wrapping;

    /** @param wrappingKey shared with lead-service; environment FARO_KEY_WRAPPING_KEY */
    public LeadKeyStore(
            EntityManager entityManager, @ConfigProperty(name = "faro.lead-keys.wrapping-key") String wrappingKey) {
        this.entityManager = entityManager;
        this.wrapping = KeyWrapping.fromBase64(wrappingKey);
    }

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
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID leadId) {
        entityManager
                .createNativeQuery("delete from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
    }

    /**
     * Opens a box sealed with the lead's key.
     *
     * @throws NotYetKnownException while the key has not arrived from faro.lead-keys
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Record> T open(UUID leadId, Sealed sealed, Class<T> type) {
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
