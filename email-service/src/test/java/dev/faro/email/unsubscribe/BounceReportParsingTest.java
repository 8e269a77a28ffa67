package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How DSN and ARF reports read, case by case, without a running service. */
class BounceReportParsingTest {

    private static final String BOUNDARY = "=_report_42";
    private static final String DSN_TYPE =
            "multipart/report; report-type=delivery-status; boundary=\"4B1A2C3D.1764140400/mx.faro-relay.example\"";
    private static final String ARF_TYPE =
            "multipart/report; report-type=feedback-report; boundary=\"----=_Part_ARF_7781\"";

    @Test
    void postfixBounceNamesTheFailedRecipientLowerCasedWithItsStatusAndUnfoldedDiagnostic() {
        List<ReportedRecipient> recipients =
                read(DSN_TYPE, BounceMimeReportTest.dsn("Ana@Example.org", "failed", "5.1.1"));

        assertThat(recipients).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo("ana@example.org");
            assertThat(r.reason()).isEqualTo(SuppressionReason.HARD_BOUNCED);
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.diagnosticCode())
                    .isEqualTo("smtp; 550 5.1.1 <Ana@Example.org>: Recipient address rejected: User unknown in"
                            + " virtual mailbox table");
        });
    }

    @Test
    void onlyPermanentFailuresOfTheAddressItselfAreHardBounces() {
        List<ReportedRecipient> recipients = read(
                dsnType(),
                dsnWith(
                        recipient("rfc822; gone@example.org", "failed", "5.1.1 (bad destination mailbox address)"),
                        recipient("rfc822; later@example.org", "delayed", "4.4.1"),
                        recipient("rfc822; expired@example.org", "failed", "4.4.7"),
                        recipient("rfc822; blocked@example.org", "failed", "5.7.1"),
                        recipient("rfc822; full@example.org", "failed", "5.2.2"),
                        recipient("rfc822; disabled@example.org", "Failed", "5.2.1"),
                        recipient("rfc822; fine@example.org", "delivered", "2.0.0"),
                        recipient("rfc822; relayed@example.org", "relayed", "2.0.0")));

        assertThat(recipients)
                .filteredOn(r -> r.reason() == SuppressionReason.HARD_BOUNCED)
                .extracting(ReportedRecipient::email)
                .containsExactly("gone@example.org", "disabled@example.org");
        assertThat(recipients).hasSize(8);
    }

    @Test
    void originalRecipientStandsInWhenTheFinalOneIsNotAnInternetAddress() {
        String block = "Final-Recipient: x400; /G=ana/S=ruiz/O=corp/\r\n"
                + "Original-Recipient: rfc822; ana.ruiz@corp.example\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n";

        assertThat(read(dsnType(), dsnWith(block)))
                .extracting(ReportedRecipient::email)
                .containsExactly("ana.ruiz@corp.example");
    }

    @Test
    void recipientBlockWithoutAValidAddressIsRefusedNamingFinalRecipient() {
        String block = recipient("rfc822; <script>alert(1)</script>@example.org", "failed", "5.1.1");

        assertThat(problem(dsnType(), dsnWith(block)).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("Final-Recipient");
    }

    @Test
    void recipientBlockWithoutAStatusIsRefusedNamingStatus() {
        String block = "Final-Recipient: rfc822; ana@example.org\r\nAction: failed\r\n";

        assertThat(problem(dsnType(), dsnWith(block)).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("Status");
    }

    @Test
    void bounceWithoutADeliveryStatusPartIsRefusedNamingThePart() {
        String body =
                "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nYour mail bounced.\r\n--" + BOUNDARY + "--\r\n";

        Problem problem = problem(dsnType(), body);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("message/delivery-status");
    }

    @Test
    void reportWithoutAReportTypeIsRefusedNamingIt() {
        String body = dsnWith(recipient("rfc822; ana@example.org", "failed", "5.1.1"));

        assertThat(problem("multipart/report; boundary=\"" + BOUNDARY + "\"", body)
                        .errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("report-type");
    }

    @Test
    void fraudAndVirusReportsAreComplaintsButAuthFailureAndOtherAreNot() {
        assertThat(reasonOfFeedback("fraud")).isEqualTo(SuppressionReason.COMPLAINED);
        assertThat(reasonOfFeedback("virus")).isEqualTo(SuppressionReason.COMPLAINED);
        assertThat(reasonOfFeedback("Abuse")).isEqualTo(SuppressionReason.COMPLAINED);
        assertThat(reasonOfFeedback("auth-failure")).isNull();
        assertThat(reasonOfFeedback("other")).isNull();
        assertThat(reasonOfFeedback("not-spam")).isNull();
    }

    @Test
    void complaintWhoseReturnedMessageHasSeveralRecipientsNamesNobody() {
        String body = BounceMimeReportTest.arf("abuse", "", "ana@example.org, luis@example.org");

        assertThat(problem(ARF_TYPE, body).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("Original-Rcpt-To");
    }

    @Test
    void complaintWithARedactedRecipientIsRefused() {
        String body = BounceMimeReportTest.arf("abuse", "Original-Rcpt-To: redacted\r\n", "[redacted]");

        assertThat(problem(ARF_TYPE, body).detail()).contains("redacted");
    }

    @Test
    void complaintWithoutAFeedbackTypeIsRefusedNamingIt() {
        String body = BounceMimeReportTest.arf("", "Original-Rcpt-To: ana@example.org\r\n", null)
                .replace("Feedback-Type: \r\n", "");

        assertThat(problem(ARF_TYPE, body).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("Feedback-Type");
    }

    @Test
    void base64EncodedReturnedMessageIsDecodedToFindTheRecipient() {
        String returned = "From: Faro <hola@faro.local>\r\nTo: Ana <ana@example.org>\r\nSubject: Hola\r\n\r\nHola\r\n";
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Type: message/feedback-report\r\n\r\n"
                + "Feedback-Type: abuse\r\nUser-Agent: ExampleFBL/2.1\r\nVersion: 1\r\n\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Type: message/rfc822\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(returned.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--" + BOUNDARY + "--\r\n";

        assertThat(read("multipart/report; report-type=feedback-report; boundary=\"" + BOUNDARY + "\"", body))
                .extracting(ReportedRecipient::email)
                .containsExactly("ana@example.org");
    }

    @Test
    void plainTextIsRefusedAsNotMime() {
        assertThat(problem(dsnType(), "Hello, your message bounced.\r\n").errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("body");
    }

    @Test
    void wholeMessageThatIsNotAReportIsRefusedNamingItsContentType() {
        String message = "From: someone@example.org\r\nContent-Type: text/plain\r\n\r\nHello\r\n";

        assertThat(problem("message/rfc822", message).errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("Content-Type");
    }

    private static SuppressionReason reasonOfFeedback(String type) {
        String body = BounceMimeReportTest.arf(type, "Original-Rcpt-To: ana@example.org\r\n", "ana@example.org");
        return read(ARF_TYPE, body).get(0).reason();
    }

    private static String dsnType() {
        return "multipart/report; report-type=delivery-status; boundary=\"" + BOUNDARY + "\"";
    }

    private static String recipient(String finalRecipient, String action, String status) {
        return "Final-Recipient: " + finalRecipient + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n";
    }

    private static String dsnWith(String... recipientBlocks) {
        return "--" + BOUNDARY + "\r\n"
                + "Content-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.faro-relay.example\r\n\r\n"
                + String.join("\r\n", recipientBlocks)
                + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private static List<ReportedRecipient> read(String type, String body) {
        return MimeReportReader.read(body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static Problem problem(String type, String body) {
        try {
            read(type, body);
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("the report was accepted");
    }
}
