package dev.faro.email.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.EmailClicked;
import dev.faro.contract.events.EmailOpened;
import dev.faro.email.LeadEvents;
import dev.faro.email.unsubscribe.UnsubscribeTokens;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The open pixel and tracked links, end to end and under hostile use. Their tokens do not expire, on purpose: a link
 * in an email someone kept must still lead to its page, and a pixel to its image; what a token may do is bounded
 * instead. It names one message (and one link, which is signed with it, so it never redirects anywhere the email did
 * not link to), it is only honoured for its own kind, and using it again publishes nothing more: a message's opens
 * count once, and each of its links' clicks once, which is what a marketer reads as unique opens and clicks.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class EngagementTrackingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Duration EVENTS = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_URL = "https://email.faro.test/";
    private static final String OPEN = PUBLIC_URL + "api/email/open/";
    private static final String CLICK = PUBLIC_URL + "api/email/click/";
    private static final String EBOOK = "https://faro.example.org/ebooks/redes-sociales.pdf";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @TestHTTPResource("/")
    URL root;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    EntityManager entityManager;

    @Test
    void withTrackingOffByDefaultLinksAreUntouchedAndThereIsNoPixel() {
        LeadEvents lead = LeadEvents.fresh();

        InboxMessage email = incentiveEmail(lead, freshCampaign());

        assertThat(email.html())
                .contains("<a href=\"" + EBOOK + "\">Desbloquea el poder de las redes sociales</a>")
                .doesNotContain("/api/email/")
                .doesNotContain("<img");
    }

    @Test
    void withTrackingOnContentLinksAreTrackedTheUnsubscribeLinkIsNotAndThePixelIsLast() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();

        InboxMessage email = incentiveEmail(lead, campaign);

        Document html = Jsoup.parse(email.html());
        String contentLink = html.select("a:contains(Desbloquea el poder)").attr("href");
        assertThat(contentLink).startsWith(CLICK);
        assertThat(email.html()).doesNotContain(EBOOK);
        String unsubscribeUrl = email.header("List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(email.html()).contains("<a href=\"" + unsubscribeUrl + "\">Darse de baja</a>");
        assertThat(email.html())
                .containsPattern("<img src=\"https://email\\.faro\\.test/api/email/open/[A-Za-z0-9_.-]+\""
                        + " width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">\\s*</body>");
        assertThat(email.text()).contains(EBOOK).doesNotContain("/api/email/");
    }

    @Test
    void thePixelAnswersAGifAndPublishesOneEmailOpenedHoweverOftenItIsFetched() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        String pixel = Jsoup.parse(email.html()).selectFirst("img").attr("src");

        for (int fetch = 0; fetch < 2; fetch++) {
            HttpResponse<byte[]> response = getBytes(local(pixel));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/gif");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(new String(response.body(), 0, 6, StandardCharsets.US_ASCII))
                    .isEqualTo("GIF89a");
        }
        // A click afterwards is published after any second open would be (one key keeps its order).
        follow(contentLinkOf(email));

        awaitEvents(lead, EventType.EMAIL_CLICKED, 1);
        List<EventEnvelope> opened = events(lead, EventType.EMAIL_OPENED);
        assertThat(opened).hasSize(1);
        assertThat(EventCodec.instance().data(opened.get(0), EmailOpened.class))
                .isEqualTo(new EmailOpened(lead.leadId(), campaign, email.messageId()));
    }

    @Test
    void followingATrackedLinkRedirectsToItsTargetAndPublishesEmailClickedOnce() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);

        HttpResponse<String> first = follow(contentLinkOf(email));
        HttpResponse<String> second = follow(contentLinkOf(email));

        for (HttpResponse<String> response : List.of(first, second)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue(EBOOK);
        }
        // An open afterwards is published after any second click would be (one key keeps its order).
        getBytes(local(Jsoup.parse(email.html()).selectFirst("img").attr("src")));
        awaitEvents(lead, EventType.EMAIL_OPENED, 1);
        List<EventEnvelope> clicks = events(lead, EventType.EMAIL_CLICKED);
        assertThat(clicks).hasSize(1);
        EventEnvelope clicked = clicks.get(0);
        assertThat(EventCodec.instance().data(clicked, EmailClicked.class))
                .isEqualTo(new EmailClicked(lead.leadId(), campaign, email.messageId(), EBOOK));
        assertThat(EventCodec.instance().violations(EventType.EMAIL_CLICKED, clicked.data()))
                .isEmpty();
    }

    @Test
    void aClickLinkWithOneCharacterChangedIsRefusedAndPublishesNothing() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        String link = contentLinkOf(email);
        int at = CLICK.length() + 5;
        String tampered = link.substring(0, at) + (link.charAt(at) == 'A' ? 'B' : 'A') + link.substring(at + 1);

        HttpResponse<String> refused = follow(tampered);

        assertRefusedToken(refused);
        // The genuine click is published after anything the tampered one could have caused.
        assertThat(follow(link).statusCode()).isEqualTo(302);
        List<EventEnvelope> clicks = awaitEvents(lead, EventType.EMAIL_CLICKED, 1);
        assertThat(clicks).hasSize(1);
        assertThat(EventCodec.instance().data(clicks.get(0), EmailClicked.class).url())
                .isEqualTo(EBOOK);
    }

    @Test
    void anUnsubscribeTokenOrAPixelTokenIsNotAClickToken() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        String pixelToken =
                Jsoup.parse(email.html()).selectFirst("img").attr("src").substring(OPEN.length());

        assertRefusedToken(follow(CLICK + unsubscribeTokens.issue(lead.leadId())));
        assertRefusedToken(follow(CLICK + pixelToken));
    }

    @Test
    void garbledAndOverlongClickTokensAreRefused() throws Exception {
        assertRefusedToken(follow(CLICK + "not-a-token"));
        assertRefusedToken(follow(CLICK + "a.b.c"));
        assertRefusedToken(follow(CLICK + "A".repeat(TrackingTokens.MAX_LENGTH) + ".x"));
    }

    @Test
    void aBrokenPixelStillAnswersTheImage() throws Exception {
        HttpResponse<byte[]> response = getBytes(local(OPEN + "garbled.token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/gif");
    }

    @Test
    void anErasedLeadsLinkStillRedirectsButNothingIsPublished() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        kafka.publish(lead.key(), lead.erased());
        await().atMost(Duration.ofSeconds(10)).until(() -> isErased(lead.leadId()));

        HttpResponse<String> click = follow(contentLinkOf(email));
        HttpResponse<byte[]> pixel =
                getBytes(local(Jsoup.parse(email.html()).selectFirst("img").attr("src")));

        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue(EBOOK);
        assertThat(pixel.statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(lead, EventType.EMAIL_OPENED).isEmpty()
                        && events(lead, EventType.EMAIL_CLICKED).isEmpty());
    }

    @Test
    void aClickLinkWhoseTargetWasSwappedIsRefusedAndRedirectsNowhere() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        String link = contentLinkOf(email);
        String token = link.substring(CLICK.length());
        String payload = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(payload).endsWith("\n" + EBOOK);
        String swapped = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(EBOOK, "https://evil.example.org/login")
                                .getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));

        HttpResponse<String> refused = follow(CLICK + swapped);

        assertRefusedToken(refused);
        assertThat(refused.body()).doesNotContain("evil.example.org");
        assertThat(clickRows(lead)).isZero();
        HttpResponse<String> genuine = follow(link);
        assertThat(genuine.headers().firstValue("Location")).hasValue(EBOOK);
        assertThat(clickRows(lead)).isOne();
        assertThat(awaitEvents(lead, EventType.EMAIL_CLICKED, 1))
                .extracting(event ->
                        EventCodec.instance().data(event, EmailClicked.class).url())
                .containsExactly(EBOOK);
    }

    @Test
    void aPixelFetchedWithAClickOrAnUnsubscribeTokenRecordsNoOpen() throws Exception {
        String campaign = trackedCampaign();
        LeadEvents lead = LeadEvents.fresh();
        InboxMessage email = incentiveEmail(lead, campaign);
        String clickToken = contentLinkOf(email).substring(CLICK.length());

        for (String token : List.of(clickToken, unsubscribeTokens.issue(lead.leadId()))) {
            HttpResponse<byte[]> response = getBytes(local(OPEN + token));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/gif");
        }

        assertThat(openRows(lead)).isZero();
        getBytes(local(Jsoup.parse(email.html()).selectFirst("img").attr("src")));
        getBytes(local(Jsoup.parse(email.html()).selectFirst("img").attr("src")));
        assertThat(openRows(lead)).isOne();
        // A click afterwards is published after anything the fetches before it could have caused.
        follow(contentLinkOf(email));
        awaitEvents(lead, EventType.EMAIL_CLICKED, 1);
        assertThat(events(lead, EventType.EMAIL_OPENED)).hasSize(1);
    }

    private long clickRows(LeadEvents lead) {
        return rows("email_click", lead);
    }

    private long openRows(LeadEvents lead) {
        return rows("email_open", lead);
    }

    /** The lead's rows in {@code table}: the opens or clicks recorded as firsts. */
    private long rows(String table, LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from " + table + " where lead_id = :lead")
                        .setParameter("lead", lead.leadId())
                        .getSingleResult())
                .longValue());
    }

    private static void assertRefusedToken(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("token");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("not a valid tracked link");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    private static String freshCampaign() {
        return "track-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new campaign, with tracking turned on through the admin API. */
    private String trackedCampaign() throws Exception {
        String campaign = freshCampaign();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(root + "api/admin/campaigns/" + campaign + "/engagement"))
                        .header("Authorization", TestTokens.bearer(Roles.MARKETER))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"tracking\": true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return campaign;
    }

    private InboxMessage incentiveEmail(LeadEvents lead, String campaign) {
        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued(UUID.randomUUID(), "TRAC-0001-CODE", campaign));
        return await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0);
    }

    private static String contentLinkOf(InboxMessage email) {
        return Jsoup.parse(email.html())
                .select("a:contains(Desbloquea el poder)")
                .attr("href");
    }

    /** The public URL in an email, as this test reaches the service. */
    private String local(String publicUrl) {
        assertThat(publicUrl).startsWith(PUBLIC_URL);
        return root + publicUrl.substring(PUBLIC_URL.length());
    }

    private HttpResponse<String> follow(String link) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(local(link))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "image/*")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<EventEnvelope> awaitEvents(LeadEvents lead, EventType type, int count) {
        return await().atMost(EVENTS).until(() -> events(lead, type), events -> events.size() >= count);
    }

    /** The lead's events of one type on faro.emails. */
    private List<EventEnvelope> events(LeadEvents lead, EventType type) {
        return kafka.records(Topics.EMAILS.name(), r -> lead.key().equals(r.key())).stream()
                .map(ConsumerRecord::value)
                .map(EventCodec.instance()::decode)
                .filter(event -> event.eventType() == type)
                .toList();
    }

    private boolean isErased(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from erased_lead where lead_id = :lead")
                .setParameter("lead", leadId)
                .getResultList()
                .isEmpty());
    }
}
