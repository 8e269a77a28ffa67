package dev.faro.email.digest;

import dev.faro.contract.UndeliverableEventException;
import dev.faro.contract.UndeliverableEventException.Reason;
import dev.faro.contract.events.DigestReady;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What email-service accepts from a DigestReady before anything is recorded. A digest that breaks a hard limit
 * (too many recipients, none deliverable, an over-long subject or body) is a producer bug no retry fixes, so it
 * goes to the dead-letter topic; a bad recipient is left out and a bad chart dropped, so the rest still arrives.
 */
final class DigestRules {

    static final int MAX_RECIPIENTS = 50;
    static final int MAX_SUBJECT_CHARS = 200;
    static final int MAX_HTML_BYTES = 1024 * 1024;
    static final int MAX_TEXT_BYTES = 1024 * 1024;

    private DigestRules() {}

    /** The digest as it will be sent, or {@link UndeliverableEventException} when it must not be. */
    static Accepted check(DigestReady digest) {
        List<DigestReady.Recipient> recipients = digest.recipients() == null ? List.of() : digest.recipients();
        if (recipients.size() > MAX_RECIPIENTS) {
            throw refused(recipients.size() + " recipients, at most " + MAX_RECIPIENTS);
        }
        List<DigestReady.Recipient> deliverable = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            DigestReady.Recipient recipient = recipients.get(i);
            if (recipient != null && DigestAddresses.isValid(recipient.email())) {
                deliverable.add(recipient);
            } else {
                skipped.add(i);
            }
        }
        if (deliverable.isEmpty()) {
            throw refused("no recipient has a valid address");
        }
        String subject = oneLine(digest.subject());
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT_CHARS) {
            throw refused("subject must be 1 to " + MAX_SUBJECT_CHARS + " characters on one line");
        }
        if (utf8Length(digest.html()) > MAX_HTML_BYTES) {
            throw refused("html is larger than " + MAX_HTML_BYTES + " bytes");
        }
        if (utf8Length(digest.text()) > MAX_TEXT_BYTES) {
            throw refused("text is larger than " + MAX_TEXT_BYTES + " bytes");
        }
        ChartImage.Result chart = ChartImage.check(digest.chartPngBase64());
        return new Accepted(
                List.copyOf(deliverable),
                List.copyOf(skipped),
                subject,
                chart.image().isPresent() ? digest.chartPngBase64().strip() : null,
                chart.refusal());
    }

    /**
     * The subject as one header line: line breaks and other control characters (which could start a new header)
     * become spaces, and runs of white space one.
     */
    static String oneLine(String subject) {
        if (subject == null) {
            return "";
        }
        return subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ")
                .replaceAll("\\s{2,}", " ")
                .strip();
    }

    private static long utf8Length(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static UndeliverableEventException refused(String why) {
        return new UndeliverableEventException(Reason.SCHEMA_INVALID, "digest refused: " + why);
    }

    /**
     * A digest that may be sent: its deliverable recipients, the positions of those left out, the subject on one
     * line, and the chart (base64) if it is a real PNG within limits, else null with {@code chartRefusal} saying why.
     */
    record Accepted(
            List<DigestReady.Recipient> recipients,
            List<Integer> skippedRecipients,
            String subject,
            String chartPngBase64,
            String chartRefusal) {}
}
