package dev.faro.local.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Checks an RS256 token's signature and reads its claims; enough to decide whether a stored token is still good. */
public final class JwtVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final PublicKey key;

    public JwtVerifier(PublicKey key) {
        this.key = key;
    }

    /** The claims if the token is a well-formed RS256 JWT signed by our key; empty otherwise. */
    public Optional<Map<String, Object>> verify(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = json(parts[0]);
            if (!"RS256".equals(header.get("alg"))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(BASE64URL.decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(json(parts[1]));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Verified and not expiring before {@code notBefore}. */
    public boolean isValidUntil(String token, Instant notBefore) {
        return verify(token)
                .map(claims -> claims.get("exp"))
                .filter(Number.class::isInstance)
                .map(exp -> ((Number) exp).longValue() > notBefore.getEpochSecond())
                .orElse(false);
    }

    private static Map<String, Object> json(String base64url) throws IOException {
        return MAPPER.readValue(BASE64URL.decode(base64url), new TypeReference<>() {});
    }
}
