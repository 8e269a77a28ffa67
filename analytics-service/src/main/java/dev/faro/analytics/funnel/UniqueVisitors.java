package dev.faro.analytics.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells a visitor's first visit of a day (per campaign and dimensions) from a repeat, without keeping the visitor
 * id: it keeps HMAC-SHA256 of the id under a random salt of that day. Salts and hashes older than
 * {@link #KEPT_DAYS} days before the newest day seen are deleted, after which nobody can link a hash to a visitor
 * nor two days' hashes to each other. The purge follows the days of the events rather than the clock, so a replay
 * of old visits dedupes them just as the live consumer did.
 */
@ApplicationScoped
public class UniqueVisitors {

    static final int KEPT_DAYS = 2;

    private final EntityManager entityManager;
    private final SecureRandom random = new SecureRandom();

    public UniqueVisitors(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True when this visitor had not been seen on {@code day} under these dimensions; remembers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstVisit(String campaign, Dimensions dimensions, LocalDate day, String visitorId) {
        byte[] hash = hash(saltOf(day), visitorId == null ? "" : visitorId);
        return entityManager
                        .createNativeQuery(
                                """
                                insert into visitor_day (campaign, landing_page, variant, source, medium, day, visitor_hash)
                                values (:campaign, :page, :variant, :source, :medium, :day, :hash)
                                on conflict do nothing
                                """)
                        .setParameter("campaign", campaign)
                        .setParameter("page", dimensions.landingPage())
                        .setParameter("variant", dimensions.variant())
                        .setParameter("source", dimensions.source())
                        .setParameter("medium", dimensions.medium())
                        .setParameter("day", day)
                        .setParameter("hash", hash)
                        .executeUpdate()
                == 1;
    }

    private byte[] saltOf(LocalDate day) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        boolean newDay = entityManager
                        .createNativeQuery(
                                "insert into visitor_day_salt (day, salt) values (:day, :salt) on conflict do nothing")
                        .setParameter("day", day)
                        .setParameter("salt", fresh)
                        .executeUpdate()
                == 1;
        if (newDay) {
            purgeBefore(day.minusDays(KEPT_DAYS));
        }
        return (byte[]) entityManager
                .createNativeQuery("select salt from visitor_day_salt where day = :day")
                .setParameter("day", day)
                .getSingleResult();
    }

    private void purgeBefore(LocalDate oldestKept) {
        entityManager
                .createNativeQuery("delete from visitor_day where day < :day")
                .setParameter("day", oldestKept)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from visitor_day_salt where day < :day")
                .setParameter("day", oldestKept)
                .executeUpdate();
    }

    private static byte[] hash(byte[] salt, String visitorId) {
        return hasherOf(salt).doFinal(visitorId.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 keyed with a day's salt; it resets after each hash, so one serves a whole day's visitors. */
    static Mac hasherOf(byte[] salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
