package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounce webhook fed what mail providers actually send: Postfix-style delivery status notifications and ARF
 * complaints from feedback loops, posted as multipart/report (or as the whole bounce message).
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class BounceMimeReportTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String DSN_BOUNDARY = "4B1A2C3D.1764140400/mx.faro-relay.example";
    private static final String ARF_BOUNDARY = "----=_Part_ARF_7781";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/email/bounces")
    URL bounces;

    @Test
    void permanentFailureInADsnSuppressesTheAddressAsHardBouncedAndItsIncentiveIsNotSent() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> first = admin(dsnType(), dsn(lead.email().toUpperCase(), "failed", "5.1.1"));
        HttpResponse<String> again = admin(dsnType(), dsn(lead.email(), "failed", "5.1.1"));
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body())
                .startsWith("{\"suppressed\":true,")
                .contains("\"email\":\"" + lead.email() + "\"")
                .contains("\"reason\":\"hard-bounced\"")
                .contains("\"status\":\"5.1.1\"")
                .contains(
                        "\"diagnosticCode\":\"smtp; 550 5.1.1 <" + lead.email().toUpperCase()
                                + ">: Recipient address rejected: User unknown in virtual mailbox table\"");
        assertThat(again.body()).startsWith("{\"suppressed\":false,").contains("\"reason\":\"hard-bounced\"");
        await().atMost(DELIVERY).until(() -> "suppressed".equals(incentiveStatus(lead)));
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
    }

    @Test
    void delayedDeliveryInADsnChangesNothing() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> response = admin(dsnType(), dsn(lead.email(), "delayed", "4.2.2"));
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"suppressed\":false,")
                .contains("\"action\":\"delayed\"")
                .doesNotContain("\"reason\"");
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    @Test
    void bounceForwardedAsAWholeMessageIsReadFromItsBody() {
        LeadEvents lead = LeadEvents.fresh();
        String message = "Return-Path: <>\r\n"
                + "From: MAILER-DAEMON@mx.faro-relay.example (Mail Delivery System)\r\n"
                + "To: hola@faro.local\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + dsnType() + "\r\n"
                + "\r\n"
                + dsn(lead.email(), "failed", "5.1.1");

        HttpResponse<String> response = admin("message/rfc822", message);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"suppressed\":true,").contains("\"reason\":\"hard-bounced\"");
    }

    @Test
    void abuseComplaintInArfSuppressesTheAddressAsComplained() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> response =
                admin(arfType(), arf("abuse", "Original-Rcpt-To: <" + lead.email() + ">\r\n", lead.email()));
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"suppressed\":true,")
                .contains("\"email\":\"" + lead.email() + "\"")
                .contains("\"reason\":\"complained\"")
                .contains("\"feedbackType\":\"abuse\"");
        await().atMost(DELIVERY).until(() -> "suppressed".equals(incentiveStatus(lead)));
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
    }

    @Test
    void complaintWithoutOriginalRcptToNamesTheSoleRecipientOfTheReturnedMessage() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> response = admin(arfType(), arf("abuse", "", lead.email()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"email\":\"" + lead.email() + "\"")
                .contains("\"reason\":\"complained\"");
    }

    @Test
    void notSpamReportInArfChangesNothing() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> response =
                admin(arfType(), arf("not-spam", "Original-Rcpt-To: " + lead.email() + "\r\n", lead.email()));
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"suppressed\":false,")
                .contains("\"feedbackType\":\"not-spam\"")
                .doesNotContain("\"reason\"");
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    @Test
    void redactedComplaintIsRefusedNamingTheMissingAddress() {
        HttpResponse<String> response = admin(arfType(), arf("abuse", "", null));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"Original-Rcpt-To\"").contains("redacted");
    }

    @Test
    void garbageIsRefusedAsAnUnreadableReport() {
        HttpResponse<String> response = admin(dsnType(), "this is not MIME at all\r\n");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"body\"");
    }

    @Test
    void reportOfATypeNotHandledIsRefusedNamingTheReportType() {
        String body = dsn("someone@example.org", "failed", "5.1.1");

        HttpResponse<String> response = admin(
                "multipart/report; report-type=disposition-notification; boundary=\"" + DSN_BOUNDARY + "\"", body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"report-type\"").contains("disposition-notification");
    }

    @Test
    void reportLargerThanTheLimitIsRefusedWith413() {
        String padding = "x".repeat(76) + "\r\n";
        String body = dsn("someone@example.org", "failed", "5.1.1") + padding.repeat(210 * 1024 / padding.length());

        HttpResponse<String> response = admin(dsnType(), body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void reportsNeedTheAdminToken() {
        String body = dsn("someone@example.org", "failed", "5.1.1");

        assertThat(post(dsnType(), body, null).statusCode()).isEqualTo(401);
        assertThat(post(dsnType(), body, TestTokens.bearer(Roles.MARKETER)).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> admin(String contentType, String body) {
        return post(contentType, body, TestTokens.bearer(Roles.ADMIN));
    }

    private HttpResponse<String> post(String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bounces.toString()))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String incentiveStatus(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager
                    .createNativeQuery(
                            "select status from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                    .setParameter("lead", lead.leadId())
                    .getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    private static String dsnType() {
        return "multipart/report; report-type=delivery-status; boundary=\"" + DSN_BOUNDARY + "\"";
    }

    private static String arfType() {
        return "multipart/report; report-type=feedback-report; boundary=\"" + ARF_BOUNDARY + "\"";
    }

    /** A Postfix bounce: the human notice, the delivery status, the header of the message that bounced. */
    static String dsn(String recipient, String action, String status) {
        String line = "--" + DSN_BOUNDARY + "\r\n";
        return "This is a MIME-encapsulated message.\r\n\r\n"
                + line
                + "Content-Description: Notification\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is the mail system at host mx.faro-relay.example.\r\n\r\n"
                + "I'm sorry to have to inform you that your message could not\r\n"
                + "be delivered to one or more recipients. It's attached below.\r\n\r\n"
                + "<" + recipient + ">: host mx.example.org[203.0.113.25] said: " + status.charAt(0) + "50 "
                + status + "\r\n    <" + recipient + ">: Recipient address rejected"
                + " (in reply to RCPT TO command)\r\n\r\n"
                + line
                + "Content-Description: Delivery report\r\n"
                + "Content-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.faro-relay.example\r\n"
                + "X-Postfix-Queue-ID: 4B1A2C3D\r\n"
                + "X-Postfix-Sender: rfc822; hola@faro.local\r\n"
                + "Arrival-Date: Thu, 26 Nov 2026 08:00:00 +0100 (CET)\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Original-Recipient: rfc822;" + recipient + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Remote-MTA: dns; mx.example.org\r\n"
                + "Diagnostic-Code: smtp; 550 " + status + " <" + recipient + ">: Recipient address\r\n"
                + "    rejected: User unknown in virtual mailbox table\r\n"
                + ("delayed".equals(action) ? "Will-Retry-Until: Thu, 3 Dec 2026 08:00:00 +0100 (CET)\r\n" : "")
                + "\r\n"
                + line
                + "Content-Description: Undelivered Message Headers\r\n"
                + "Content-Type: text/rfc822-headers\r\n\r\n"
                + "Return-Path: <hola@faro.local>\r\n"
                + "From: Faro <hola@faro.local>\r\n"
                + "To: " + recipient + "\r\n"
                + "Subject: =?UTF-8?Q?Tu_c=C3=B3digo?=\r\n"
                + "Message-ID: <incentive.0.1b9d6bcd@faro.local>\r\n"
                + "\r\n"
                + "--" + DSN_BOUNDARY + "--\r\n";
    }

    /**
     * A feedback-loop complaint: the notice, the feedback report, the returned message. {@code returnedTo} null
     * leaves the returned message without a To, as providers that redact the recipient do.
     */
    static String arf(String feedbackType, String originalRcptTo, String returnedTo) {
        String line = "--" + ARF_BOUNDARY + "\r\n";
        return line
                + "Content-Type: text/plain; charset=\"US-ASCII\"\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\n"
                + "This is an email abuse report for an email message received from IP\r\n"
                + "198.51.100.7 on Thu, 26 Nov 2026 08:00:00 +0100.\r\n\r\n"
                + line
                + "Content-Type: message/feedback-report\r\n\r\n"
                + "Feedback-Type: " + feedbackType + "\r\n"
                + "User-Agent: ExampleFBL/2.1\r\n"
                + "Version: 1\r\n"
                + "Original-Mail-From: <bounces@faro.local>\r\n"
                + originalRcptTo
                + "Arrival-Date: Thu, 26 Nov 2026 08:00:00 +0100\r\n"
                + "Reported-Domain: faro.local\r\n"
                + "Source-IP: 198.51.100.7\r\n\r\n"
                + line
                + "Content-Type: message/rfc822\r\n"
                + "Content-Disposition: inline\r\n\r\n"
                + "From: Faro <hola@faro.local>\r\n"
                + (returnedTo == null ? "" : "To: " + returnedTo + "\r\n")
                + "Subject: =?UTF-8?Q?Tu_c=C3=B3digo?=\r\n"
                + "Message-ID: <incentive.0.1b9d6bcd@faro.local>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hola, este es tu código.\r\n\r\n"
                + "--" + ARF_BOUNDARY + "--\r\n";
    }
}
