package dev.faro.lead.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: 256 bits from a CSPRNG, prefixed so a leaked one is recognisable for what it is. */
final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
