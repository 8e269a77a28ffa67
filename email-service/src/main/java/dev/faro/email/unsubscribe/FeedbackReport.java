package dev.faro.email.unsubscribe;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A complaint in the Abuse Reporting Format (RFC 5965): the {@code message/feedback-report} part, and the
 * returned message (or its header) that tells who complained when the report does not.
 *
 * <p>{@code abuse}, {@code fraud} and {@code virus} are complaints about the mail itself and suppress the address as
 * complained. {@code not-spam} takes a complaint back, {@code auth-failure} reports the sender's authentication (not
 * the recipient's wish) and {@code other} says nothing definite, so those, and types this code does not know,
 * change nothing.
 */
final class FeedbackReport {

    static final String PART_TYPE = "message/feedback-report";

    private static final Set<String> COMPLAINTS = Set.of("abuse", "fraud", "virus");

    private FeedbackReport() {}

    /**
     * The complaining addresses with the suppression the report calls for; 422 when it has no feedback type, or no
     * usable address, as when the provider redacted it.
     *
     * @param returnedHeader the header of the returned message, empty when the report carries none
     */
    static List<ReportedRecipient> recipients(String feedback, Optional<HeaderFields> returnedHeader) {
        HeaderFields fields = HeaderFields.parse(feedback);
        String type = fields.first("Feedback-Type")
                .map(value -> value.split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> UnusableReport.because("Feedback-Type", "missing from " + PART_TYPE));
        SuppressionReason reason = COMPLAINTS.contains(type) ? SuppressionReason.COMPLAINED : null;
        return addresses(fields, returnedHeader).stream()
                .map(email -> new ReportedRecipient(email, reason, null, null, null, type))
                .toList();
    }

    private static Set<String> addresses(HeaderFields fields, Optional<HeaderFields> returnedHeader) {
        Set<String> addresses = new LinkedHashSet<>();
        List<String> originalRecipients = fields.all("Original-Rcpt-To");
        for (String raw : originalRecipients) {
            ReportedAddress.parse(raw).ifPresent(addresses::add);
        }
        if (addresses.isEmpty()) {
            returnedHeader
                    .flatMap(header -> header.first("To"))
                    .flatMap(FeedbackReport::soleAddress)
                    .ifPresent(addresses::add);
        }
        if (addresses.isEmpty()) {
            throw UnusableReport.because(
                    "Original-Rcpt-To",
                    "no valid recipient address, neither in Original-Rcpt-To nor as the sole To of the returned"
                            + " message: the provider may have redacted it");
        }
        return addresses;
    }

    /** The address of a To header naming exactly one: with several it is unknowable who complained. */
    private static Optional<String> soleAddress(String to) {
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(to, false);
            return parsed.length == 1 ? ReportedAddress.parse(parsed[0].getAddress()) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
