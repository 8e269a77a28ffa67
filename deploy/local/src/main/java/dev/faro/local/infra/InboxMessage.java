package dev.faro.local.infra;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message as the SMTP sink received it, MIME already decoded.
 *
 * @param messageId the Message-ID header, or null
 * @param to the envelope recipients (RCPT TO), i.e. who actually got it, Bcc included
 * @param from the From header, decoded
 * @param text the first text/plain part, or null
 * @param html the first text/html part, or null
 * @param headers every header, decoded, in order of first appearance; repeated headers keep all their values
 */
public record InboxMessage(
        String messageId,
        List<String> to,
        String from,
        String subject,
        String text,
        String html,
        Map<String, List<String>> headers,
        Instant receivedAt) {

    public InboxMessage {
        to = List.copyOf(to);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public boolean isTo(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address));
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
