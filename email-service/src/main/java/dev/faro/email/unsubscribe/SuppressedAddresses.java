package dev.faro.email.unsubscribe;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How the suppression list names an address: HMAC-SHA256 of the trimmed, lower-cased address with a secret
 * pepper. Enough to recognise the address when mail is about to go to it; without the pepper, hashing guessed
 * addresses does not reveal who is on the list.
 */
@ApplicationScoped
public class SuppressedAddresses {

    private static final Logger LOG = Logger.getLogger(SuppressedAddresses.class);

    private final SecretKeySpec pepper;
    private final EntityManager entityManager;

    /** @param pepper base64 secret; environment FARO_SUPPRESSION_PEPPER */
    public SuppressedAddresses(
            @ConfigProperty(name = "faro.suppression.pepper") String pepper, EntityManager entityManager) {
        this.pepper = new SecretKeySpec(Base64.getDecoder().decode(pepper.trim()), "HmacSHA256");
        this.entityManager = entityManager;
    }

    /** The key of {@code email} on the suppression list. */
    public String key(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Rows written before the list was hashed still hold the address itself: hash them once. */
    @Transactional
    void hashAddressesStoredInClear(@Observes StartupEvent startup) {
        @SuppressWarnings("unchecked")
        List<Object[]> clear = entityManager
                .createNativeQuery(
                        "select address_hash, scope, reason, at from suppression where address_hash !~ '^[0-9a-f]{64}$'")
                .getResultList();
        for (Object[] row : clear) {
            entityManager
                    .createNativeQuery(
                            """
                            insert into suppression (address_hash, scope, reason, at) values (:key, :scope, :reason, :at)
                            on conflict do nothing
                            """)
                    .setParameter("key", key((String) row[0]))
                    .setParameter("scope", row[1])
                    .setParameter("reason", row[2])
                    .setParameter("at", row[3])
                    .executeUpdate();
            entityManager
                    .createNativeQuery("delete from suppression where address_hash = :clear and scope = :scope")
                    .setParameter("clear", row[0])
                    .setParameter("scope", row[1])
                    .executeUpdate();
        }
        if (!clear.isEmpty()) {
            LOG.infof("Hashed %d suppression entries stored in clear", clear.size());
        }
    }
}
