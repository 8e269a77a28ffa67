package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.email.LeadEvents;
import dev.faro.email.engagement.CampaignEngagement;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.CapturedLog;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What email-service logs while one lead's address and links go through every path that handles them: the send,
 * the open pixel and a tracked link (genuine, repeated, tampered, of the wrong kind), the unsubscribe page and
 * one-click unsubscribe (genuine, repeated, forged), a send refused because the address unsubscribed, and bounce
 * reports about the address (JSON, a DSN, and a DSN the webhook cannot use). The service's own loggers run at DEBUG,
 * so what only shows when someone turns logging up counts too. No record may hold the address, a token of the lead's
 * links, a secret of the service or the admin's bearer token. The SMTP server's refusal, which names the address, is
 * checked by HardBounceTest against a refusing server.
 */
@QuarkusTest
@TestProfile(LogPrivacyTest.DebugLogging.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class LogPrivacyTest {

    public static class DebugLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"dev.faro\".level", "DEBUG");
        }
    }

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PUBLIC_URL = "https://email.faro.test/";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final String JSON = "application/json";
    private static final String DSN =
            "multipart/report; report-type=delivery-status; boundary=\"4B1A2C3D.1764140400/mx.faro-relay.example\"";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @TestHTTPResource("/")
    URL root;

    @Inject
    CampaignEngagement engagement;

    @Test
    void noAddressTokenOrSecretIsLoggedOnTheSendTrackingUnsubscribeAndBouncePaths() {
        String campaign = "logs-" + UUID.randomUUID().toString().substring(0, 8);
        engagement.setTracking(campaign, true);
        LeadEvents lead = LeadEvents.fresh();
        LeadEvents again = CampaignLeads.sameAddressAs(lead);
        String admin = TestTokens.bearer(Roles.ADMIN);
        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("the address", lead.email());
        forbidden.put("the link signing secret", secret("faro.links.signing-secret"));
        forbidden.put("the suppression pepper", secret("faro.suppression.pepper"));
        forbidden.put("the admin's token", admin.substring("Bearer ".length()));

        try (CapturedLog log = CapturedLog.everything()) {
            leads.captureWithIncentive(lead, campaign, "es", true);
            InboxMessage email = await().atMost(DELIVERY)
                    .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                    .get(0);
            Document html = Jsoup.parse(email.html());
            String click = html.select("a[href*=/api/email/click/]").attr("href");
            String pixel = html.selectFirst("img").attr("src");
            String unsubscribe = UnsubscribeHeadersTest.unsubscribeUrlOf(email);
            forbidden.put("the click token", tokenOf(click));
            forbidden.put("the pixel token", tokenOf(pixel));
            forbidden.put("the unsubscribe token", tokenOf(unsubscribe));
            forbidden.put("the tampered click token", tokenOf(tampered(click)));
            forbidden.put("the tampered unsubscribe token", tokenOf(tampered(unsubscribe)));

            // Tracking: genuine and repeated, tampered, and a token of another kind.
            assertThat(Http.get(local(click), BROWSER).statusCode()).isEqualTo(302);
            assertThat(Http.get(local(click), BROWSER).statusCode()).isEqualTo(302);
            assertThat(Http.get(local(tampered(click)), JSON).statusCode()).isEqualTo(400);
            assertThat(Http.get(local(PUBLIC_URL + "api/email/click/" + tokenOf(unsubscribe)), JSON)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Http.get(local(pixel), "image/*").statusCode()).isEqualTo(200);
            assertThat(Http.get(local(pixel), "image/*").statusCode()).isEqualTo(200);
            assertThat(Http.get(local(PUBLIC_URL + "api/email/open/" + tokenOf(click)), "image/*")
                            .statusCode())
                    .isEqualTo(200);

            // Unsubscribing: the page, a forged link, then one click, twice.
            assertThat(Http.get(local(unsubscribe), BROWSER).statusCode()).isEqualTo(200);
            assertThat(Http.postForm(local(tampered(unsubscribe)), ONE_CLICK, JSON)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Http.postForm(local(tampered(unsubscribe)), ONE_CLICK, BROWSER)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Http.postForm(local(unsubscribe), ONE_CLICK, "*/*").statusCode())
                    .isEqualTo(200);
            assertThat(Http.postForm(local(unsubscribe), ONE_CLICK, "*/*").statusCode())
                    .isEqualTo(200);

            // A send the unsubscribe refuses.
            leads.captureWithIncentive(again, campaign, "es", true);
            await().atMost(DELIVERY).until(() -> !leads.emailEvents(again, EventType.EMAIL_FAILED)
                    .isEmpty());

            // Bounce reports naming the address: JSON, a DSN, and a DSN without its Status.
            String bounces = root + "api/email/bounces";
            String upper = lead.email().toUpperCase(Locale.ROOT);
            String report = "{\"email\":\"" + upper + "\",\"type\":\"bounce\",\"permanent\":true}";
            assertThat(Http.postJson(bounces, report, admin).statusCode()).isEqualTo(200);
            assertThat(Http.post(bounces, DSN, BounceMimeReportTest.dsn(upper, "failed", "5.1.1"), admin)
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> unusable = Http.post(
                    bounces,
                    DSN,
                    BounceMimeReportTest.dsn(lead.email(), "failed", "5.1.1").replace("Status: 5.1.1\r\n", ""),
                    admin);
            assertThat(unusable.statusCode()).as(unusable.body()).isEqualTo(422);

            // The refused send's line is the last these paths write.
            await().atMost(DELIVERY).until(() -> !log.entriesContaining("Skipped <incentive.0." + again.leadId())
                    .isEmpty());
            assertThat(log.entriesContaining("Sent <incentive.0." + lead.leadId()))
                    .as("the service's DEBUG lines are captured")
                    .isNotEmpty();
            forbidden.forEach((what, value) ->
                    assertThat(log.entriesContaining(value)).as(what).isEmpty());
        }
    }

    private static String secret(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The URL with the first character of its token's signature changed. */
    private static String tampered(String url) {
        int at = url.lastIndexOf('.') + 1;
        return url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);
    }

    /** The public URL in an email, as this test reaches the service. */
    private String local(String publicUrl) {
        assertThat(publicUrl).startsWith(PUBLIC_URL);
        return root + publicUrl.substring(PUBLIC_URL.length());
    }
}
