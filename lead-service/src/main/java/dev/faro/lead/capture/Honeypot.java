package dev.faro.lead.capture;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Submissions that filled in the hidden {@code website} field: a bot's. They are answered exactly as a real
 * capture would be, so the bot learns nothing to adapt to, and then dropped: nothing stored, nothing published,
 * only counted in {@code faro.capture.honeypot}.
 */
@ApplicationScoped
public class Honeypot {

    private static final String ALGORITHM = "HmacSHA256";

    private final MeterRegistry meters;
    private final SecretKeySpec secret;

    public Honeypot(MeterRegistry meters) {
        this.meters = meters;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, ALGORITHM);
    }

    /** Counts the trapped submission and returns the lead id to answer it with. */
    public UUID trap(String campaign, String email) {
        meters.counter("faro.capture.honeypot", "campaign", campaign).increment();
        return decoyLeadId(campaign, email);
    }

    /**
     * A version-4-looking UUID derived from the campaign and address with a key only this process knows: a bot
     * that submits the same address twice gets the same id, as a real duplicate does, and cannot tell a decoy
     * from a real lead id.
     */
    private UUID decoyLeadId(String campaign, String email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            ByteBuffer digest =
                    ByteBuffer.wrap(mac.doFinal((campaign + '\n' + email).getBytes(StandardCharsets.UTF_8)));
            long high = (digest.getLong() & ~0xF000L) | 0x4000L;
            long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
