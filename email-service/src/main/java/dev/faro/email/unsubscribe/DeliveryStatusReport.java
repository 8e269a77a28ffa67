package dev.faro.email.unsubscribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery status notification (RFC 3464): the {@code message/delivery-status} part of a bounce, one block of
 * fields per recipient after the per-message block.
 *
 * <p>A recipient is hard-bounced when its {@code Action} is {@code failed} with a permanent (5.x.x) {@code Status},
 * except for the subjects that blame the sender or a full mailbox rather than the address (see
 * {@link #blamesTheAddress}). Delays, deliveries, relays, expansions and transient (4.x.x) failures change nothing.
 */
final class DeliveryStatusReport {

    static final String PART_TYPE = "message/delivery-status";
    /** RFC 6533's variant for internationalised addresses; its fields are the same, in UTF-8. */
    static final String GLOBAL_PART_TYPE = "message/global-delivery-status";

    private static final Pattern STATUS = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final int MAX_DIAGNOSTIC = 500;

    private DeliveryStatusReport() {}

    /** What the report says about each of its recipients; 422 when a recipient block lacks what RFC 3464 requires. */
    static List<ReportedRecipient> recipients(String deliveryStatus) {
        List<ReportedRecipient> recipients = new ArrayList<>();
        for (HeaderFields group : HeaderFields.parseGroups(deliveryStatus)) {
            if (isPerRecipient(group)) {
                recipients.add(recipient(group));
            }
        }
        if (recipients.isEmpty()) {
            throw UnusableReport.because(PART_TYPE, "names no recipient (no Final-Recipient, Action and Status)");
        }
        return recipients;
    }

    private static boolean isPerRecipient(HeaderFields group) {
        return group.has("Final-Recipient")
                || group.has("Original-Recipient")
                || group.has("Action")
                || group.has("Status");
    }

    private static ReportedRecipient recipient(HeaderFields group) {
        String email = address(group, "Final-Recipient")
                .or(() -> address(group, "Original-Recipient"))
                .orElseThrow(() -> UnusableReport.because(
                        "Final-Recipient", "a recipient block has no valid rfc822 address (nor Original-Recipient)"));
        String action = group.first("Action")
                .map(value -> value.split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> UnusableReport.because("Action", "missing for " + email));
        Matcher status = STATUS.matcher(group.first("Status").orElse(""));
        if (!status.lookingAt()) {
            throw UnusableReport.because("Status", "missing or not a status code like 5.1.1 for " + email);
        }
        String code = status.group();
        boolean hardBounce = "failed".equals(action)
                && "5".equals(status.group(1))
                && blamesTheAddress(status.group(2), status.group(3));
        return new ReportedRecipient(
                email,
                hardBounce ? SuppressionReason.HARD_BOUNCED : null,
                action,
                code,
                group.first("Diagnostic-Code")
                        .map(DeliveryStatusReport::shortened)
                        .orElse(null),
                null);
    }

    /**
     * Whether a permanent failure is the address's fault. Not for X.7.x (security or policy: a blocklisted IP or
     * a failed DMARC check rejects every recipient at once, and suppressing them all would outlast the block) nor
     * for X.2.2 (mailbox full, which RFC 3463 says is a transient failure, whatever its class).
     */
    private static boolean blamesTheAddress(String subject, String detail) {
        return !"7".equals(subject) && !("2".equals(subject) && "2".equals(detail));
    }

    /** The address of an {@code rfc822;} (or RFC 6533 {@code utf-8;}) recipient field, when valid. */
    private static Optional<String> address(HeaderFields group, String field) {
        return group.first(field).flatMap(value -> {
            int semicolon = value.indexOf(';');
            if (semicolon < 0) {
                return ReportedAddress.parse(value);
            }
            String type = value.substring(0, semicolon).strip().toLowerCase(Locale.ROOT);
            if (!type.equals("rfc822") && !type.equals("utf-8")) {
                return Optional.empty();
            }
            return ReportedAddress.parse(value.substring(semicolon + 1));
        });
    }

    private static String shortened(String diagnostic) {
        String oneLine = diagnostic.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DIAGNOSTIC ? oneLine : oneLine.substring(0, MAX_DIAGNOSTIC) + "…";
    }
}
