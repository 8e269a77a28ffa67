package dev.faro.local.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.infra.MimeDecoder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The mail held by a GreenMail standalone server, read through its REST API: one mailbox per recipient. GreenMail
 * keeps a copy of a message in each recipient's mailbox; identical copies in different mailboxes are one message sent
 * to several people, so they are merged. Ordered by the Date header, as the API gives no arrival time.
 */
final class GreenMailApiInbox implements Inbox {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    private final HttpJson http;

    GreenMailApiInbox(URI baseUrl) {
        this.http = new HttpJson(baseUrl);
    }

    @Override
    public List<InboxMessage> messages() {
        List<Copy> merged = new ArrayList<>();
        for (JsonNode user : json(http.get("/api/user"))) {
            String mailbox = user.path("email").asText();
            String path = "/api/user/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8) + "/messages/INBOX";
            for (JsonNode message : json(http.get(path))) {
                String raw = message.path("mimeMessage").asText();
                merged.stream()
                        .filter(copy -> copy.raw.equals(raw) && !copy.recipients.contains(mailbox))
                        .findFirst()
                        .orElseGet(() -> {
                            Copy copy = new Copy(raw);
                            merged.add(copy);
                            return copy;
                        })
                        .recipients
                        .add(mailbox);
            }
        }
        return merged.stream()
                .map(Copy::decode)
                .sorted(Comparator.comparing(InboxMessage::receivedAt))
                .toList();
    }

    @Override
    public void clear() {
        http.send("POST", "/api/mail/purge");
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GreenMail answered something that is not JSON", e);
        }
    }

    private static final class Copy {
        final String raw;
        final Set<String> recipients = new LinkedHashSet<>();

        Copy(String raw) {
            this.raw = raw;
        }

        InboxMessage decode() {
            try {
                MimeMessage message =
                        new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
                Date sent = message.getSentDate();
                return MimeDecoder.decode(
                        message, List.copyOf(recipients), sent == null ? Instant.EPOCH : sent.toInstant());
            } catch (MessagingException e) {
                throw new IllegalStateException("GreenMail returned a message that is not MIME", e);
            }
        }
    }
}
