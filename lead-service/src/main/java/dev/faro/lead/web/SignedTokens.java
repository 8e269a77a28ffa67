package dev.faro.lead.web;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links Faro mails to a person (confirm an address, erase oneself): they name one lead, one purpose and
 * an expiry, and carry an HMAC-SHA256 over all three with {@code faro.links.signing-secret}. Nothing else is in
 * them, so a forwarded or logged link reveals no more than the lead id. A token for one purpose never passes as
 * another's, and a changed expiry or lead id breaks the signature.
 *
 * <p>Form: {@code base64url("v1|purpose|leadId|expiresEpochSecond") "." base64url(hmac)}, URL-safe as it is.
 */
@ApplicationScoped
public class SignedTokens {

    @ConfigMapping(prefix = "faro.links")
    public interface Config {
        /** At least 256 bits, base64 (standard or url-safe). Environment: FARO_LINK_SIGNING_SECRET. */
        String signingSecret();
    }

    /** Why a token was refused. */
    public enum Rejection {
        /** Not a token at all: wrong shape, not base64url, unreadable fields. */
        MALFORMED,
        /** Well formed, but the signature does not match: altered, or signed with another secret. */
        TAMPERED,
        /** Authentic, but issued for another purpose. */
        WRONG_PURPOSE,
        /** Authentic and for this purpose, but past its expiry. */
        EXPIRED
    }

    /** An authentic token for the purpose asked about, still valid at verification time. */
    public record Verified(UUID leadId, Instant expiresAt) {}

    /** A refused token; {@link #leadId()} is known (and trustworthy) only once the signature checked out. */
    public static final class InvalidTokenException extends RuntimeException {

        private final Rejection rejection;
        private final UUID leadId;

        InvalidTokenException(Rejection rejection, UUID leadId) {
            super("token refused: " + rejection);
            this.rejection = rejection;
            this.leadId = leadId;
        }

        public Rejection rejection() {
            return rejection;
        }

        /** The lead of an authentic token refused for its purpose or expiry; null otherwise. */
        public UUID leadId() {
            return leadId;
        }
    }

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec secret;
    private final Clock clock;

    @Inject
    public SignedTokens(Config config) {
        this(decodeSecret(config.signingSecret()), Clock.systemUTC());
    }

    public SignedTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the link signing secret must be at least " + MIN_SECRET_BYTES + " bytes, base64-encoded");
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A token for {@code purpose} (a lowercase slug) naming the lead, valid until {@code expiresAt}. */
    public String issue(String purpose, UUID leadId, Instant expiresAt) {
        requirePurpose(purpose);
        byte[] payload = String.join(
                        "|", VERSION, purpose, leadId.toString(), Long.toString(expiresAt.getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The lead a token for {@code purpose} names. The signature is checked before anything the token says is
     * believed, so a forged expiry or purpose is reported as tampering.
     *
     * @throws InvalidTokenException naming why the token is refused
     */
    public Verified verify(String purpose, String token) {
        requirePurpose(purpose);
        byte[] payload;
        byte[] signature;
        try {
            String[] parts = token == null ? new String[0] : token.split("\\.", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new InvalidTokenException(Rejection.MALFORMED, null);
            }
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Rejection.MALFORMED, null);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new InvalidTokenException(Rejection.TAMPERED, null);
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        UUID leadId;
        Instant expiresAt;
        try {
            if (fields.length != 4 || !VERSION.equals(fields[0])) {
                throw new IllegalArgumentException("unknown token layout");
            }
            leadId = UUID.fromString(fields[2]);
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[3]));
        } catch (RuntimeException e) {
            // Signed by us, so only a future layout this version cannot read ends up here.
            throw new InvalidTokenException(Rejection.MALFORMED, null);
        }
        if (!purpose.equals(fields[1])) {
            throw new InvalidTokenException(Rejection.WRONG_PURPOSE, leadId);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidTokenException(Rejection.EXPIRED, leadId);
        }
        return new Verified(leadId, expiresAt);
    }

    /**
     * A keyed hash of {@code value} for {@code label} (hex): lets a table recognise a value (an address, say) without
     * holding it, and cannot be reversed by hashing guesses without the secret. Never equal to a token's signature.
     */
    public String fingerprint(String label, String value) {
        requirePurpose(label);
        return HexFormat.of().formatHex(mac(("fingerprint|" + label + "|" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a purpose is a lowercase slug, not " + purpose);
        }
    }

    private static byte[] decodeSecret(String base64) {
        String trimmed = base64.trim();
        return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                ? DECODER.decode(trimmed)
                : Base64.getDecoder().decode(trimmed);
    }
}
