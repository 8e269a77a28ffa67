package dev.faro.email.unsubscribe;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token of an unsubscribe link: {@code {leadId}.{signature}}, the signature an HMAC-SHA256 over the purpose and
 * the lead id. It never expires: an old email's link must keep working. The lead id is a random UUID, so the token
 * reveals nothing about the person.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    /** Keeps a signature made for another kind of link with the same secret from passing as this one. */
    private static final String PURPOSE = "unsubscribe";

    private final SecretKeySpec key;

    public UnsubscribeTokens(@ConfigProperty(name = "faro.links.signing-secret") String secret) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(secret), ALGORITHM);
    }

    public String issue(UUID leadId) {
        return leadId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature(leadId));
    }

    /** The lead the token was issued for; empty when it is malformed, tampered with or forged. */
    public Optional<UUID> leadOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID leadId;
        byte[] presented;
        try {
            leadId = UUID.fromString(token.substring(0, dot));
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // UUID.fromString accepts non-canonical spellings; only the one we issued may pass.
        if (!leadId.toString().equals(token.substring(0, dot))) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(signature(leadId), presented) ? Optional.of(leadId) : Optional.empty();
    }

    private byte[] signature(UUID leadId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((PURPOSE + ":" + leadId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
