package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.nurture.NurtureAdmin;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What a lead (or a form filled in by a bot) types reaches the emails only as text: markup and script in the name or
 * in an incentive's fields are shown escaped in the HTML part, as a mail client reads it, and verbatim in the text
 * part; a line break adds no header; a URL that is not a web address never becomes a link; SQL is stored as typed
 * and does nothing. The confirmation, its reminder, the erasure link and the expiry reminder have their escaping
 * tests beside their other tests; a campaign's own templates in TemplateOverrideDeliveryTest.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class HostileInputEmailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly one" is watched for after the first email arrived. */
    private static final Duration NO_SECOND_EMAIL = Duration.ofSeconds(3);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ATTRIBUTE = "\"><img src=x onerror=alert(1)>";
    private static final String HOSTILE_URL = "https://faro.example.org/ebook.pdf?a=\"><script>alert(2)</script>";
    private static final String SQL = "Robert'); DROP TABLE contact;--";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    @Test
    void markupInTheNameAndInEveryFieldOfAnIncentiveIsShownAsText() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, ATTRIBUTE, "es");

        kafka.publish(lead.key(), hostileGift(lead, "demo"));

        InboxMessage email = theOnlyEmailTo(lead);
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("script, img, [onerror]")).isEmpty();
        assertThat(html.select("a[href^=https://faro.example.org/ebook.pdf]").eachAttr("href"))
                .containsExactly(HOSTILE_URL);
        assertThat(html.body().text())
                .contains("Hola, " + ATTRIBUTE + ":")
                .contains("Te regalamos " + ATTRIBUTE + ".")
                .contains(SCRIPT)
                .contains("Y aquí tienes tu ebook: <b onmouseover=alert(3)>ebook</b>");
        assertThat(email.html())
                .contains("Hola, &quot;&gt;&lt;img src=x onerror=alert(1)&gt;:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(SCRIPT)
                .doesNotContain(ATTRIBUTE);
        assertThat(email.text())
                .contains("Hola, " + ATTRIBUTE + ":")
                .contains("Te regalamos " + ATTRIBUTE + ".")
                .contains("    " + SCRIPT)
                .contains(HOSTILE_URL);
        assertThat(email.subject()).isEqualTo("Tu regalo y tu ebook");
    }

    @Test
    void markupStaysTextWhenTrackingRewritesTheHtml() throws Exception {
        String campaign = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        trackingOn(campaign);
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, SCRIPT, "es");

        kafka.publish(lead.key(), hostileGift(lead, campaign));

        InboxMessage email = theOnlyEmailTo(lead);
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("img").eachAttr("src")).singleElement().satisfies(pixel -> assertThat(pixel)
                .startsWith("https://email.faro.test/api/email/open/"));
        assertThat(html.select("script, [onerror], [onmouseover]")).isEmpty();
        assertThat(html.body().text()).contains("Hola, " + SCRIPT + ":").contains("Te regalamos " + ATTRIBUTE + ".");
        assertThat(email.html()).doesNotContain(SCRIPT).doesNotContain(ATTRIBUTE);
    }

    @Test
    void aContentLinkThatIsNotAWebAddressIsLeftOutOfTheEmail() {
        LeadEvents scripted = LeadEvents.fresh();
        LeadEvents data = LeadEvents.fresh();
        scripted.captureOn(kafka, "Begoña Sáenz", "es");
        data.captureOn(kafka, "Begoña Sáenz", "es");

        kafka.publish(scripted.key(), withContent(scripted, "javascript:alert(1)"));
        kafka.publish(data.key(), withContent(data, "data:text/html,<script>alert(1)</script>"));

        for (LeadEvents lead : List.of(scripted, data)) {
            InboxMessage email = theOnlyEmailTo(lead);
            assertThat(Jsoup.parse(email.html()).select("a[href]").eachAttr("href"))
                    .allMatch(href -> href.startsWith("https://email.faro.test/api/unsubscribe/"));
            assertThat(email.html()).doesNotContain("javascript:").doesNotContain("data:text");
            assertThat(email.text()).doesNotContain("javascript:").doesNotContain("data:text");
            assertThat(email.subject()).isEqualTo("Tu código de descuento del 10 %");
        }
    }

    @Test
    void aNurtureStepShowsAHostileNameAsText() {
        String campaign = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        new NurtureAdmin(campaigns.toString())
                .save(
                        campaign,
                        "{\"steps\": [{\"delay\": \"PT1S\", \"template\": \"nurture-tips\", \"condition\": \"always\"}]}");
        LeadEvents lead = LeadEvents.fresh();

        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured(lead, campaign, personal(lead, ATTRIBUTE + SCRIPT)));

        InboxMessage step = theOnlyEmailTo(lead);
        assertThat(step.messageId()).startsWith("<nurture.1.");
        assertThat(Jsoup.parse(step.html()).select("script, img, [onerror]")).isEmpty();
        assertThat(step.html())
                .contains("Hola, &quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;:");
        assertThat(step.text()).contains("Hola, " + ATTRIBUTE + SCRIPT + ":");
    }

    @Test
    void aLineBreakInTheNameAddsNoHeaderAndNoRecipient() {
        LeadEvents lead = LeadEvents.fresh();
        String intruder = "intruder-" + UUID.randomUUID() + "@example.org";
        String name = "Ana\r\nBcc: " + intruder + "\r\nX-Injected: yes\r\n\r\n<p>body</p>";
        lead.captureOn(kafka, name, "en");

        kafka.publish(lead.key(), lead.incentiveIssued("CRLF-0001-CODE"));

        InboxMessage email = theOnlyEmailTo(lead);
        assertThat(email.to()).containsExactly(lead.email());
        assertThat(email.headers().keySet())
                .noneMatch(header -> header.equalsIgnoreCase("Bcc") || header.equalsIgnoreCase("X-Injected"));
        assertThat(email.subject()).isEqualTo("Your 10% discount code and your ebook");
        assertThat(email.header("To")).contains(lead.email()).doesNotContain(intruder);
        assertThat(email.html()).contains("&lt;p&gt;body&lt;/p&gt;").doesNotContain("<p>body</p>");
        assertThat(email.text()).contains("CRLF-0001-CODE");
        assertThat(inbox.messagesTo(intruder)).isEmpty();
    }

    @Test
    void sqlInTheNameAndTheCodeIsStoredAsTypedAndDoesNothing() {
        LeadEvents lead = LeadEvents.fresh();
        String code = "' OR '1'='1'; --";
        lead.captureOn(kafka, SQL, "en");

        kafka.publish(lead.key(), lead.incentiveIssued(code));

        InboxMessage email = theOnlyEmailTo(lead);
        assertThat(email.text()).contains("Hi " + SQL + ",").contains("    " + code);
        assertThat(email.html())
                .contains("Hi Robert&#39;); DROP TABLE contact;--,")
                .contains("&#39; OR &#39;1&#39;=&#39;1&#39;; --");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(entityManager
                            .createNativeQuery("select name from contact where lead_id = :lead")
                            .setParameter("lead", lead.leadId())
                            .getSingleResult())
                    .isEqualTo(SQL);
            assertThat(entityManager
                            .createNativeQuery(
                                    "select params ->> 'code' from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                            .setParameter("lead", lead.leadId())
                            .getSingleResult())
                    .isEqualTo(code);
            assertThat(((Number) entityManager
                                    .createNativeQuery("select count(*) from contact")
                                    .getSingleResult())
                            .longValue())
                    .isPositive();
        });
    }

    @Test
    void theCompanyAndCustomFieldsOfAFormNeverReachAnEmail() {
        LeadEvents lead = LeadEvents.fresh();
        PersonalData personal = new PersonalData(
                lead.email(),
                "Begoña Sáenz",
                "+34612345678",
                "ACME " + SCRIPT,
                null,
                null,
                Map.of("interest", ATTRIBUTE, "website", "javascript:alert(1)"));
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured(lead, "demo", personal));

        kafka.publish(lead.key(), lead.incentiveIssued("CUST-0001-CODE"));

        InboxMessage email = theOnlyEmailTo(lead);
        for (String part : List.of(email.html(), email.text())) {
            assertThat(part)
                    .contains("Begoña Sáenz")
                    .doesNotContain("ACME")
                    .doesNotContain("alert(")
                    .doesNotContain("+34612345678");
        }
    }

    /** The golden IncentiveIssued of a free gift whose every text field is hostile, linking to {@link #HOSTILE_URL}. */
    private static EventEnvelope hostileGift(LeadEvents lead, String campaign) {
        Map<String, Object> data = new HashMap<>();
        data.put("incentiveId", UUID.randomUUID());
        data.put("leadId", lead.leadId());
        data.put("campaign", campaign);
        data.put("kind", IncentiveIssued.FREE_GIFT);
        data.put("discountPercent", NullNode.getInstance());
        data.put("code", SCRIPT);
        data.put("gift", ATTRIBUTE);
        data.put("content", Map.of("title", "<b onmouseover=alert(3)>ebook</b>", "url", HOSTILE_URL));
        return valid(GoldenEvents.fresh(EventType.INCENTIVE_ISSUED, data));
    }

    /** The golden IncentiveIssued (10 %) whose content links to {@code url}. */
    private static EventEnvelope withContent(LeadEvents lead, String url) {
        Map<String, Object> data = new HashMap<>();
        data.put("incentiveId", UUID.randomUUID());
        data.put("leadId", lead.leadId());
        data.put("code", "LINK-0001-CODE");
        data.put("content", Map.of("title", "Desbloquea el poder de las redes sociales", "url", url));
        return valid(GoldenEvents.fresh(EventType.INCENTIVE_ISSUED, data));
    }

    private static EventEnvelope valid(EventEnvelope event) {
        assertThat(EventCodec.instance().violations(event.eventType(), event.data()))
                .isEmpty();
        return event;
    }

    private static PersonalData personal(LeadEvents lead, String name) {
        return new PersonalData(lead.email(), name, null, null, null, null, Map.of());
    }

    /** A Spanish LeadCaptured of {@code campaign}, with marketing consent. */
    private static EventEnvelope captured(LeadEvents lead, String campaign, PersonalData personal) {
        return valid(GoldenEvents.fresh(
                EventType.LEAD_CAPTURED,
                Map.of(
                        "leadId",
                        lead.leadId(),
                        "campaign",
                        campaign,
                        "locale",
                        "es",
                        "personal",
                        LeadSeal.seal(lead.dataKey(), lead.leadId(), personal),
                        "consent",
                        Map.of(
                                "marketing",
                                true,
                                "textVersion",
                                "sha256:9f2c5a0e",
                                "givenAt",
                                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))));
    }

    /** Turns the campaign's engagement tracking on through the admin API. */
    private void trackingOn(String campaign) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(campaigns + campaign + "/engagement"))
                        .header("Authorization", TestTokens.bearer(Roles.MARKETER))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"tracking\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Waits for the lead's email, then checks no second one follows. */
    private InboxMessage theOnlyEmailTo(LeadEvents lead) {
        await().atMost(DELIVERY).until(() -> !inbox.messagesTo(lead.email()).isEmpty());
        return await().during(NO_SECOND_EMAIL)
                .atMost(NO_SECOND_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == 1)
                .get(0);
    }
}
