package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.EmailFailed;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.LeadEvents;
import dev.faro.email.engagement.TrackedMessage;
import dev.faro.email.engagement.TrackingTokens;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unsubscribe link under hostile use. Its token does not expire, on purpose: the right to object to marketing
 * holds at any time (GDPR art. 21), the US requires the link to work for at least 30 days after the email (CAN-SPAM)
 * and people unsubscribe from emails they kept for years; an expired link would leave them only the spam button,
 * which hurts the sending domain. So the tests check instead that the token carries no time, that an old email's
 * link still works, and that what makes a long-lived link safe holds: only a token signed for unsubscribing and for
 * that lead is honoured (not a tracking token, not one with another lead's id in it), and using it again has no
 * second effect.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class UnsubscribeLinkTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "nothing more happens" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    private static final String BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @TestHTTPResource("/api/unsubscribe/")
    URL unsubscribe;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    TrackingTokens trackingTokens;

    @Inject
    SuppressedAddresses addresses;

    @Inject
    EntityManager entityManager;

    @Test
    void oneClickPostSuppressesTheAddressAndPublishesOneUnsubscribedEvenWhenRepeated() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
        String token = tokenFromTheEmailTo(lead);

        HttpResponse<String> first = Http.postForm(link(token), ONE_CLICK, "*/*");
        HttpResponse<String> second = Http.postForm(link(token), ONE_CLICK, "*/*");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("No te enviaremos más correos.");
        assertThat(second.statusCode()).isEqualTo(200);
        List<EventEnvelope> unsubscribed = await().during(QUIET)
                .atMost(DELIVERY)
                .until(() -> leads.emailEvents(lead, EventType.UNSUBSCRIBED), events -> events.size() == 1);
        assertThat(EventCodec.instance().data(unsubscribed.get(0), Unsubscribed.class))
                .isEqualTo(new Unsubscribed(lead.leadId(), CampaignLeads.DEMO, Unsubscribed.SCOPE_ALL));
    }

    @Test
    void noIncentiveGoesToAnAddressThatUnsubscribedFromEverything() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
        Http.postForm(link(tokenFromTheEmailTo(lead)), ONE_CLICK, "*/*");

        LeadEvents again = CampaignLeads.sameAddressAs(lead);
        leads.captureWithIncentive(again, "spring-sale", "es", true);

        assertThat(failure(again).reason()).isEqualTo("suppressed: unsubscribed");
        assertThat(failure(again).permanent()).isTrue();
        assertThat(inbox.messagesTo(lead.email())).hasSize(1);
    }

    @Test
    void campaignScopeSuppressesOnlyThatCampaign() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        HttpResponse<String> response = Http.postForm(link(tokenFromTheEmailTo(lead)), "scope=campaign", BROWSER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No te enviaremos más correos de esta campaña.");
        EventEnvelope unsubscribed = await().atMost(DELIVERY)
                .until(() -> leads.emailEvents(lead, EventType.UNSUBSCRIBED), events -> !events.isEmpty())
                .get(0);
        assertThat(EventCodec.instance().data(unsubscribed, Unsubscribed.class))
                .isEqualTo(new Unsubscribed(lead.leadId(), CampaignLeads.DEMO, Unsubscribed.SCOPE_CAMPAIGN));

        LeadEvents sameCampaign = CampaignLeads.sameAddressAs(lead);
        leads.captureWithIncentive(sameCampaign, CampaignLeads.DEMO, "es", true);
        assertThat(failure(sameCampaign).reason()).isEqualTo("suppressed: unsubscribed");

        LeadEvents otherCampaign = CampaignLeads.sameAddressAs(lead);
        leads.captureWithIncentive(otherCampaign, "spring-sale", "es", true);
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 2);
        assertThat(leads.emailEvents(otherCampaign, EventType.EMAIL_SENT)).hasSize(1);
    }

    @Test
    void getShowsTheChoiceInTheContactsLanguageAndUnsubscribesNothing() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "en", true);
        String token = tokenFromTheEmailTo(lead);

        HttpResponse<String> page = Http.get(link(token), BROWSER);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("<form method=\"post\" action=\"/api/unsubscribe/" + token + "\">")
                .contains("name=\"scope\" value=\"campaign\"")
                .contains("name=\"scope\" value=\"all\"")
                .contains("Only those of the campaign demo");

        LeadEvents again = CampaignLeads.sameAddressAs(lead);
        leads.captureWithIncentive(again, CampaignLeads.DEMO, "en", true);
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 2);
        assertThat(leads.emailEvents(lead, EventType.UNSUBSCRIBED)).isEmpty();
    }

    @Test
    void tamperedOrForgedTokenIsRefusedWithAPageOrAProblem() {
        String token = tokens.issue(UUID.randomUUID());
        String tampered = UUID.randomUUID() + token.substring(token.indexOf('.'));

        HttpResponse<String> browser = Http.postForm(link(tampered), ONE_CLICK, BROWSER);
        HttpResponse<String> program = Http.postForm(link(tampered), ONE_CLICK, "application/json");
        HttpResponse<String> page = Http.get(link(tampered + "x"), BROWSER);

        assertThat(browser.statusCode()).isEqualTo(400);
        assertThat(browser.body()).contains("Enlace no válido");
        assertThat(program.statusCode()).isEqualTo(400);
        assertThat(program.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(page.statusCode()).isEqualTo(400);
    }

    @Test
    void replayingEitherChoiceAddsNothingAndOnlyWideningItDoesSomething() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
        String token = tokenFromTheEmailTo(lead);

        List<Integer> statuses = Stream.of("scope=campaign", "scope=campaign", ONE_CLICK, ONE_CLICK, "scope=campaign")
                .map(body -> Http.postForm(link(token), body, BROWSER).statusCode())
                .toList();

        assertThat(statuses).containsOnly(200);
        assertThat(suppressions(lead))
                .containsExactlyInAnyOrder(
                        CampaignLeads.DEMO + " unsubscribed", Unsubscribed.SCOPE_ALL + " unsubscribed");
        List<EventEnvelope> unsubscribed = await().during(QUIET)
                .atMost(DELIVERY)
                .until(() -> leads.emailEvents(lead, EventType.UNSUBSCRIBED), events -> events.size() == 2);
        assertThat(unsubscribed)
                .extracting(event -> EventCodec.instance().data(event, Unsubscribed.class))
                .containsExactly(
                        new Unsubscribed(lead.leadId(), CampaignLeads.DEMO, Unsubscribed.SCOPE_CAMPAIGN),
                        new Unsubscribed(lead.leadId(), CampaignLeads.DEMO, Unsubscribed.SCOPE_ALL));
    }

    @Test
    void anotherLeadsIdInAGenuineTokenUnsubscribesNobody() throws Exception {
        LeadEvents attacker = LeadEvents.fresh();
        LeadEvents victim = LeadEvents.fresh();
        leads.captureWithIncentive(attacker, CampaignLeads.DEMO, "es", true);
        leads.captureWithIncentive(victim, CampaignLeads.DEMO, "es", true);
        String own = tokenFromTheEmailTo(attacker);
        tokenFromTheEmailTo(victim);
        String swapped = victim.leadId() + own.substring(own.indexOf('.'));

        HttpResponse<String> program = Http.postForm(link(swapped), ONE_CLICK, "application/json");
        HttpResponse<String> browser = Http.postForm(link(swapped), "scope=all", BROWSER);

        assertInvalidTokenProblem(program);
        assertThat(browser.statusCode()).isEqualTo(400);
        assertThat(browser.body()).contains("Enlace no válido");
        assertThat(suppressions(victim)).isEmpty();
        assertThat(suppressions(attacker)).isEmpty();
    }

    @Test
    void aTrackingTokenSignedWithTheSameSecretIsNotAnUnsubscribeLink() throws Exception {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
        String messageId = await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0)
                .messageId();
        TrackedMessage message = new TrackedMessage(lead.leadId(), CampaignLeads.DEMO, messageId);
        String click = trackingTokens
                .issueClick(message, "https://faro.example.org/ebooks/redes-sociales.pdf")
                .orElseThrow();
        String open = trackingTokens.issueOpen(message);

        for (String token : List.of(click, open)) {
            assertInvalidTokenProblem(Http.postForm(link(token), ONE_CLICK, "application/json"));
            assertThat(Http.get(link(token), BROWSER).statusCode()).isEqualTo(400);
        }
        assertThat(suppressions(lead)).isEmpty();
    }

    @Test
    void theLinkOfAnEmailSentYearsAgoStillUnsubscribes() {
        LeadEvents lead = LeadEvents.fresh();
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
        String token = tokenFromTheEmailTo(lead);
        await().atMost(DELIVERY)
                .until(() -> !leads.emailEvents(lead, EventType.EMAIL_SENT).isEmpty());
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery(
                            """
                            update send_ledger set created_at = created_at - interval '3 years',
                                                   sent_at = sent_at - interval '3 years'
                            where lead_id = :lead
                            """)
                    .setParameter("lead", lead.leadId())
                    .executeUpdate();
            entityManager
                    .createNativeQuery(
                            "update contact set updated_at = updated_at - interval '3 years' where lead_id = :lead")
                    .setParameter("lead", lead.leadId())
                    .executeUpdate();
        });

        HttpResponse<String> response = Http.postForm(link(token), ONE_CLICK, "*/*");

        assertThat(tokens.issue(lead.leadId())).as("issued again today").isEqualTo(token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No te enviaremos más correos.");
        assertThat(suppressions(lead)).containsExactly(Unsubscribed.SCOPE_ALL + " unsubscribed");
    }

    private static void assertInvalidTokenProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://faro.dev/problems/invalid-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("token");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("not a valid unsubscribe link");
    }

    /** The suppression rows of the lead's address, each as "scope reason". */
    private List<String> suppressions(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery("select scope, reason from suppression where address_hash = :address")
                    .setParameter("address", addresses.key(lead.email()))
                    .getResultList();
            return rows.stream().map(row -> row[0] + " " + row[1]).toList();
        });
    }

    private String tokenFromTheEmailTo(LeadEvents lead) {
        var email = await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0);
        String url = UnsubscribeHeadersTest.unsubscribeUrlOf(email);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private EmailFailed failure(LeadEvents lead) {
        EventEnvelope failed = await().atMost(DELIVERY)
                .until(() -> leads.emailEvents(lead, EventType.EMAIL_FAILED), events -> !events.isEmpty())
                .get(0);
        return EventCodec.instance().data(failed, EmailFailed.class);
    }

    private String link(String token) {
        return unsubscribe + token;
    }
}
