package dev.faro.email.engagement;

import dev.faro.support.campaign.CampaignSlugs;
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
 * The tokens in the open pixel's and the tracked links' URLs: {@code {payload}.{signature}}, both URL-safe base64
 * without padding. The payload lists the message id, the lead id, the campaign and, for a link, its target URL,
 * one per line; the signature is an HMAC-SHA256 over a purpose label and the payload as written. The label differs
 * per kind of token and from the unsubscribe link's, so no signed token passes as another kind. Tokens do not
 * expire: an old email's links must keep working.
 */
@ApplicationScoped
public class TrackingTokens {

    /** The longest token accepted or issued; longer ones are refused before any work is done on them. */
    public static final int MAX_LENGTH = 2048;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String OPEN = "email-open";
    private static final String CLICK = "email-click";
    private static final char SEPARATOR = '\n';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public TrackingTokens(@ConfigProperty(name = "faro.links.signing-secret") String secret) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(secret), ALGORITHM);
    }

    public String issueOpen(TrackedMessage message) {
        return issue(OPEN, fields(message));
    }

    /** The click token for a link, if the target may be tracked and the token stays within the length bound. */
    public Optional<String> issueClick(TrackedMessage message, String url) {
        if (!WebLinks.isTrackable(url)) {
            return Optional.empty();
        }
        String token = issue(CLICK, fields(message) + SEPARATOR + url);
        return token.length() <= MAX_LENGTH ? Optional.of(token) : Optional.empty();
    }

    /** The message an open token names; empty when it is too long, malformed, tampered with or forged. */
    public Optional<TrackedMessage> open(String token) {
        return payload(OPEN, token).flatMap(payload -> {
            String[] fields = payload.split(String.valueOf(SEPARATOR), -1);
            return fields.length == 3 ? message(fields) : Optional.empty();
        });
    }

    /** The link a click token names; empty when it is too long, malformed, tampered with or forged. */
    public Optional<TrackedClick> click(String token) {
        return payload(CLICK, token).flatMap(payload -> {
            String[] fields = payload.split(String.valueOf(SEPARATOR), -1);
            if (fields.length != 4 || !WebLinks.isTrackable(fields[3])) {
                return Optional.empty();
            }
            return message(fields).map(message -> new TrackedClick(message, fields[3]));
        });
    }

    private static String fields(TrackedMessage message) {
        String messageId = message.messageId();
        if (messageId == null || messageId.isEmpty() || messageId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a tracked message needs a single-line message id");
        }
        if (!CampaignSlugs.isSlug(message.campaign())) {
            throw new IllegalArgumentException("not a campaign id: " + message.campaign());
        }
        return messageId + SEPARATOR + message.leadId() + SEPARATOR + message.campaign();
    }

    private String issue(String purpose, String payload) {
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + signature(purpose, encoded);
    }

    /** The verified payload: the signature is checked, in constant time, before the payload is decoded at all. */
    private Optional<String> payload(String purpose, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH || !isTokenAlphabet(token)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        // Comparing the canonical spelling of the signature (not decoded bytes) refuses every changed character.
        byte[] expected = signature(purpose, encoded).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Only URL-safe base64 and the one dot: anything else was never issued. */
    private static boolean isTokenAlphabet(String token) {
        return token.chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_'
                        || c == '.');
    }

    private static Optional<TrackedMessage> message(String[] fields) {
        UUID leadId;
        try {
            leadId = UUID.fromString(fields[1]);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        if (fields[0].isEmpty() || !leadId.toString().equals(fields[1]) || !CampaignSlugs.isSlug(fields[2])) {
            return Optional.empty();
        }
        return Optional.of(new TrackedMessage(leadId, fields[2], fields[0]));
    }

    private String signature(String purpose, String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signed = mac.doFinal((purpose + ":" + encodedPayload).getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
