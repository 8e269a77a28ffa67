package dev.faro.analytics.funnel;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a visitor's first visit of a day (per campaign and dimensions) is told from a repeat without keeping the
 * visitor id: {@code visitor_day} keeps HMAC-SHA256 of the id under a random salt of that day
 * ({@code visitor_day_salt}). Salts and hashes older than {@link #KEPT_DAYS} days before the newest day seen are
 * deleted, after which nobody can link a hash to a visitor nor two days' hashes to each other. The purge follows the
 * days of the events rather than the clock, so a replay of old visits dedupes them just as the live consumer did.
 * {@link FunnelBatch} does the writing.
 */
final class UniqueVisitors {

    static final int KEPT_DAYS = 2;

    private UniqueVisitors() {}

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
