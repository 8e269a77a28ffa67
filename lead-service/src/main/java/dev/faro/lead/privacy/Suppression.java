package dev.faro.lead.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erased addresses, kept only as a keyed hash (HMAC-SHA256 with a secret pepper): enough to recognise a
 * replay, useless for recovering who was erased.
 */
@ApplicationScoped
public class Suppression {

    private final EntityManager entityManager;
    private final SecretKeySpec pepper;

    /**
     * @param pepper secret (base64) of the keyed hash, so the list cannot be reversed by hashing guessed
     *     addresses without it; environment FARO_SUPPRESSION_PEPPER
     */
    public Suppression(EntityManager entityManager, @ConfigProperty(name = "faro.suppression.pepper") String pepper) {
        this.entityManager = entityManager;
        this.pepper = new SecretKeySpec(Base64.getDecoder().decode(pepper.trim()), "HmacSHA256");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String email, Instant erasedAt) {
        entityManager
                .createNativeQuery(
                        """
                        insert into suppression (email_hash, erased_at) values (:hash, :at)
                        on conflict (email_hash) do update set erased_at = excluded.erased_at
                        """)
                .setParameter("hash", hash(email))
                .setParameter("at", erasedAt)
                .executeUpdate();
    }

    /**
     * A new lead for the address lifts its suppression: the person signed up afresh, with consent of their own. A
     * request from before the erasure never creates that lead: its Idempotency-Key answers it (see
     * docs/architecture.md, "Personal data").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void liftFor(String email) {
        entityManager
                .createNativeQuery("delete from suppression where email_hash = :hash")
                .setParameter("hash", hash(email))
                .executeUpdate();
    }

    /** When the address was last erased, if it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> erasedAt(String email) {
        @SuppressWarnings("unchecked")
        List<Instant> rows = entityManager
                .createNativeQuery("select erased_at from suppression where email_hash = :hash", Instant.class)
                .setParameter("hash", hash(email))
                .getResultList();
        return rows.stream().findFirst();
    }

    String hash(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of()
                    .formatHex(mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
