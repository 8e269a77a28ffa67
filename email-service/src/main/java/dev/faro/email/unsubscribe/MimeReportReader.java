package dev.faro.email.unsubscribe;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a bounce or complaint report posted as MIME: a {@code multipart/report} body, or a whole message
 * ({@code message/rfc822}) whose body is one, as a provider forwards the bounce it received. Every way the report
 * can be unreadable or unusable is a 422 naming what is at fault.
 */
final class MimeReportReader {

    static final String MULTIPART_REPORT = "multipart/report";
    static final String MESSAGE = "message/rfc822";

    private static final String DELIVERY_STATUS = "delivery-status";
    private static final String FEEDBACK_REPORT = "feedback-report";
    private static final Set<String> RETURNED_HEADER_TYPES =
            Set.of("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers");

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeReportReader() {}

    static List<ReportedRecipient> read(byte[] body, String contentType) {
        ContentType type = contentType(contentType, "Content-Type");
        try {
            if (type.match(MESSAGE)) {
                MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(body));
                ContentType wrapped = contentType(message.getContentType(), "Content-Type");
                if (!wrapped.match(MULTIPART_REPORT)) {
                    throw UnusableReport.because(
                            "Content-Type", "the message is " + wrapped.getBaseType() + ", not " + MULTIPART_REPORT);
                }
                return report(wrapped, new MimeMultipart(new MimePartDataSource(message)));
            }
            return report(type, new MimeMultipart(new ByteArrayDataSource(body, type.toString())));
        } catch (MessagingException | IOException e) {
            throw UnusableReport.because(
                    "body", "not a readable MIME report" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static List<ReportedRecipient> report(ContentType type, MimeMultipart parts)
            throws MessagingException, IOException {
        String reportType = Optional.ofNullable(type.getParameter("report-type"))
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> UnusableReport.because("report-type", "missing from the Content-Type"));
        parts.getCount(); // parses the body, failing here if it is not multipart
        if (DELIVERY_STATUS.equals(reportType)) {
            Set<String> types = Set.of(DeliveryStatusReport.PART_TYPE, DeliveryStatusReport.GLOBAL_PART_TYPE);
            String status = text(part(parts, types).orElseThrow(() -> missing(DeliveryStatusReport.PART_TYPE)));
            return DeliveryStatusReport.recipients(status);
        }
        if (FEEDBACK_REPORT.equals(reportType)) {
            String feedback = text(
                    part(parts, Set.of(FeedbackReport.PART_TYPE)).orElseThrow(() -> missing(FeedbackReport.PART_TYPE)));
            Optional<BodyPart> returned = part(parts, RETURNED_HEADER_TYPES);
            Optional<HeaderFields> returnedHeader =
                    returned.isPresent() ? Optional.of(HeaderFields.parse(text(returned.get()))) : Optional.empty();
            return FeedbackReport.recipients(feedback, returnedHeader);
        }
        throw UnusableReport.because(
                "report-type", reportType + " is not handled: send " + DELIVERY_STATUS + " or " + FEEDBACK_REPORT);
    }

    private static Optional<BodyPart> part(MimeMultipart parts, Set<String> types) throws MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            String partType = part.getContentType() == null ? "text/plain" : part.getContentType();
            if (types.contains(
                    contentType(partType, "Content-Type").getBaseType().toLowerCase(Locale.ROOT))) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /**
     * The decoded content of a part. Jakarta Mail leaves a message/* part encoded, as RFC 2046 forbids encoding
     * one, but some feedback loops send the returned message in base64 all the same.
     */
    private static String text(BodyPart part) throws MessagingException, IOException {
        InputStream content = part instanceof MimeBodyPart mime && mime.getEncoding() != null
                ? MimeUtility.decode(mime.getRawInputStream(), mime.getEncoding())
                : part.getInputStream();
        try (content) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ContentType contentType(String value, String field) {
        if (value == null || value.isBlank()) {
            throw UnusableReport.because(field, "missing");
        }
        try {
            return new ContentType(value);
        } catch (ParseException e) {
            throw UnusableReport.because(field, "not a valid media type");
        }
    }

    private static RuntimeException missing(String partType) {
        return UnusableReport.because(partType, "the report has no " + partType + " part");
    }
}
