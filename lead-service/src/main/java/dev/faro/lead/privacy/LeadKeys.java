package dev.faro.lead.privacy;

import dev.faro.contract.events.LeadKeyDestroyed;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.Sealed;
import dev.faro.contract.privacy.KeyWrapping;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data key of each lead: created with the lead, published wrapped on faro.lead-keys, destroyed by erasure.
 * Whatever was sealed with a destroyed key, wherever it was copied, can no longer be read.
 */
@ApplicationScoped
public class LeadKeys {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final KeyWrapping wrapping;
    private final Suppression suppression;

    /**
     * @param wrappingKey the 256-bit key (base64) that wraps each lead's data key for faro.lead-keys, shared
     *     only with the services entitled to personal data; environment FARO_KEY_WRAPPING_KEY
     */
    public LeadKeys(
            EntityManager entityManager,
            Outbox outbox,
            Suppression suppression,
            @ConfigProperty(name = "faro.lead-keys.wrapping-key") String wrappingKey) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.suppression = suppression;
        this.wrapping = KeyWrapping.fromBase64(wrappingKey);
    }

    /**
     * Creates the key of a new lead and publishes it; call before appending events sealed with it. Every lead gets
     * its key here, once, in the transaction that inserts it, which makes this where a new lead lifts the
     * suppression of its address ({@link Suppression#liftFor}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] issue(UUID leadId, String email) {
        suppression.liftFor(email);
        byte[] dataKey = LeadSeal.newDataKey();
        Sealed wrapped = wrapping.wrap(leadId, dataKey);
        entityManager
                .createNativeQuery(
                        """
                        insert into lead_key (lead_id, wrapping_key_id, nonce, wrapped_key)
                        values (:lead, :wrappingKeyId, :nonce, :wrappedKey)
                        """)
                .setParameter("lead", leadId)
                .setParameter("wrappingKeyId", wrapping.id())
                .setParameter("nonce", wrapped.nonce())
                .setParameter("wrappedKey", wrapped.ciphertext())
                .executeUpdate();
        outbox.append(leadId.toString(), new LeadKeyIssued(leadId, wrapping.id(), wrapped));
        return dataKey;
    }

    /** The lead's data key, if the lead exists and has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> find(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select wrapping_key_id, nonce, wrapped_key from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> wrapping.unwrap(leadId, (String) row[0], new Sealed((String) row[1], (String) row[2])));
    }

    /** Destroys the key here and on faro.lead-keys; the lead's sealed fields become unreadable everywhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(UUID leadId) {
        entityManager
                .createNativeQuery("delete from lead_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
        outbox.append(leadId.toString(), new LeadKeyDestroyed(leadId));
    }
}
