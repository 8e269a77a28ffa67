package dev.faro.local.infra;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a received MIME message into an {@link InboxMessage}: encoded words, charsets and alternatives resolved. */
public final class MimeDecoder {

    private MimeDecoder() {}

    public static InboxMessage decode(MimeMessage message, List<String> recipients, Instant receivedAt) {
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new InboxMessage(
                    message.getMessageID(),
                    recipients,
                    addresses(message.getFrom()),
                    message.getSubject(),
                    bodies.text,
                    bodies.html,
                    headers(message),
                    receivedAt);
        } catch (MessagingException | IOException e) {
            String reason = "(could not decode this message: " + e.getMessage() + ")";
            return new InboxMessage(null, recipients, null, reason, reason, null, Map.of(), receivedAt);
        }
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        return Arrays.stream(addresses).map(MimeDecoder::display).collect(Collectors.joining(", "));
    }

    /** {@code Name <address>}, unquoted, as a mail client shows it. */
    private static String display(Address address) {
        if (address instanceof InternetAddress internet && internet.getPersonal() != null) {
            return internet.getPersonal() + " <" + internet.getAddress() + ">";
        }
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> namesByLowerCase = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            String name = namesByLowerCase.computeIfAbsent(header.getName().toLowerCase(), k -> header.getName());
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(decodeHeader(header.getValue()));
        }
        return headers;
    }

    private static String decodeHeader(String raw) {
        String unfolded = MimeUtility.unfold(raw == null ? "" : raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    /** The first text/plain and text/html parts that are not attachments, found depth-first. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = content(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = content(part);
            }
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String string) {
                return string;
            }
            // A charset the mail library has no converter for arrives as raw bytes.
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(charsetOf(part));
            }
        }

        private static Charset charsetOf(Part part) {
            try {
                String name = new ContentType(part.getContentType()).getParameter("charset");
                return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name));
            } catch (MessagingException | IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
