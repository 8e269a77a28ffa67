package dev.faro.lead.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Faro-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code "<t>.<body>"}, keyed
 * with the webhook's secret (its UTF-8 bytes, prefix included). Signing the time with the body lets a receiver
 * refuse a captured request replayed later.
 */
final class WebhookSignature {

    static final String HEADER = "Faro-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
