package dev.faro.incentive.content;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed, expiring download links: {@code <public-url>/api/content/<token>}, the token being
 * {@code base64url("v1|content|incentiveId|contentRef|expiresEpochSecond") "." base64url(HMAC-SHA256 of that)}.
 * Only a holder of the secret can make one, and one lead's link opens one file until it expires. The secret is the
 * one lead-service signs its mailed links with; the {@code content} purpose field keeps the two kinds of token from
 * ever passing for each other.
 */
@ApplicationScoped
public class ContentLinks {

    static final String PATH = "/api/content/";

    private static final String VERSION = "v1";
    private static final String PURPOSE = "content";
    private static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid signature vouches for. */
    public record Grant(UUID incentiveId, String contentRef, Instant expiresAt) {}

    private final String publicUrl;
    private final SecretKeySpec key;

    public ContentLinks(
            @ConfigProperty(name = "faro.public-url") String publicUrl,
            @ConfigProperty(name = "faro.links.signing-secret") String signingSecret) {
        this.publicUrl = publicUrl;
        this.key = new SecretKeySpec(secretBytes(signingSecret), ALGORITHM);
    }

    public String linkFor(UUID incentiveId, String contentRef, Instant expiresAt) {
        return publicUrl + PATH + tokenFor(incentiveId, contentRef, expiresAt);
    }

    String tokenFor(UUID incentiveId, String contentRef, Instant expiresAt) {
        if (!ContentCatalogue.isValidRef(contentRef)) {
            throw new IllegalArgumentException("not a content ref: " + contentRef);
        }
        byte[] payload = String.join(
                        "|",
                        VERSION,
                        PURPOSE,
                        incentiveId.toString(),
                        contentRef,
                        Long.toString(expiresAt.getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The grant of a token this service signed (expired or not); empty for anything else. */
    Optional<Grant> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0]) || !PURPOSE.equals(parts[1])) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new Grant(UUID.fromString(parts[2]), parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The secret is base64, standard or URL-safe, as `./faro` and lead-service have it. */
    private static byte[] secretBytes(String base64) {
        String trimmed = base64.trim();
        byte[] secret = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                ? DECODER.decode(trimmed)
                : Base64.getDecoder().decode(trimmed);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("faro.links.signing-secret must be at least 256 bits, base64");
        }
        return secret;
    }
}
