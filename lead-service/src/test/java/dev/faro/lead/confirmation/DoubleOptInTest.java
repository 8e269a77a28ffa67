package dev.faro.lead.confirmation;

import static dev.faro.lead.confirmation.DoubleOptInLeads.awaitEvents;
import static dev.faro.lead.confirmation.DoubleOptInLeads.campaign;
import static dev.faro.lead.confirmation.DoubleOptInLeads.events;
import static dev.faro.lead.confirmation.DoubleOptInLeads.firstLink;
import static dev.faro.lead.confirmation.DoubleOptInLeads.requested;
import static dev.faro.lead.confirmation.DoubleOptInLeads.submit;
import static dev.faro.lead.confirmation.DoubleOptInLeads.token;
import static dev.faro.lead.confirmation.DoubleOptInLeads.uniqueEmail;
import static dev.faro.lead.web.ForgedTokens.naming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.lead.privacy.LeadErasure;
import dev.faro.lead.web.SignedTokens;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class DoubleOptInTest {

    @Inject
    ConfirmationRows rows;

    @Inject
    ConfirmationLinks links;

    @Inject
    SignedTokens tokens;

    @Inject
    LeadErasure erasure;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @ConfigProperty(name = "faro.public-url")
    String publicUrl;

    @Test
    void leadOfADoubleOptInCampaignStaysPendingAndIsSentASealedExpiringLink() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String leadId = submit(uniqueEmail(), campaign("en"));

        assertThat(rows.status(leadId)).contains("pending");
        List<EventEnvelope> leadEvents = awaitEvents(kafka(), leadId, EventType.CONFIRMATION_REQUESTED, 1);
        ConfirmationRequested request = requested(leadEvents.get(0));
        assertThat(request.attempt()).isEqualTo(1);
        assertThat(request.locale()).isEqualTo("en");
        assertThat(request.expiresAt())
                .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(leadEvents.get(0).data().toString()).doesNotContain("token");
        LeadCaptured captured = EventCodec.instance()
                .data(events(kafka(), leadId, EventType.LEAD_CAPTURED).get(0), LeadCaptured.class);
        assertThat(captured.confirmationRequired()).isTrue();

        URI link = firstLink(kafka(), leadId);
        assertThat(link.toString()).startsWith(publicUrl + "/api/leads/confirm?token=");
        assertThat(links.verify(token(link)).leadId()).hasToString(leadId);
        assertThat(events(kafka(), leadId, EventType.LEAD_CONFIRMED)).isEmpty();
    }

    @Test
    void followingTheLinkConfirmsTheLeadAndPublishesLeadConfirmedOnceHoweverOftenItIsFollowed() {
        String campaign = campaign("en");
        String leadId = submit(uniqueEmail(), campaign);
        String token = token(firstLink(kafka(), leadId));

        follow(token, "text/html")
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Address confirmed"));

        assertThat(rows.status(leadId)).contains("confirmed");
        assertThat(rows.confirmedAt(leadId)).isNotNull();
        EventEnvelope confirmed =
                awaitEvents(kafka(), leadId, EventType.LEAD_CONFIRMED, 1).get(0);
        assertThat(EventCodec.instance().data(confirmed, LeadConfirmed.class))
                .isEqualTo(new LeadConfirmed(UUID.fromString(leadId), campaign));

        follow(token, "text/html").statusCode(200).body(containsString("Address confirmed"));
        follow(token, "application/json").statusCode(200).body("status", equalTo("confirmed"));

        awaitOutboxSent(leadId);
        assertThat(events(kafka(), leadId, EventType.LEAD_CONFIRMED)).hasSize(1);
        assertThat(rows.outboxEvents(List.of(leadId), EventType.LEAD_CONFIRMED.cloudEventType()))
                .isEqualTo(1);
    }

    @Test
    void jsonClientGetsTheStatusAndTheSpanishPageIsInSpanish() {
        String leadId = submit(uniqueEmail(), campaign("es"));
        String token = token(firstLink(kafka(), leadId));

        follow(token, "application/json")
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("confirmed"));
        follow(token, "text/html,*/*;q=0.8")
                .statusCode(200)
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("Dirección confirmada"));
    }

    @Test
    void tamperedLinkIsRefusedWith400AndConfirmsNothing() {
        String leadId = submit(uniqueEmail(), campaign("en"));
        String token = token(firstLink(kafka(), leadId));
        String tampered = tamper(token);

        follow(tampered, "application/json")
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://faro.dev/problems/invalid-link"))
                .body("status", equalTo(400));
        follow(tampered, "text/html")
                .statusCode(400)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("Enlace no válido"));
        follow("not-a-token", "text/html").statusCode(400);
        given().accept("text/html").get("/api/leads/confirm").then().statusCode(400);

        assertThat(rows.status(leadId)).contains("pending");
    }

    @Test
    void tokenSignedForAnotherPurposeDoesNotConfirm() {
        String leadId = submit(uniqueEmail(), campaign("en"));
        awaitEvents(kafka(), leadId, EventType.CONFIRMATION_REQUESTED, 1);
        String erasureToken = tokens.issue(
                "lead-erasure", UUID.fromString(leadId), Instant.now().plus(Duration.ofDays(1)));

        follow(erasureToken, "application/json").statusCode(400);

        assertThat(rows.status(leadId)).contains("pending");
    }

    @Test
    void expiredLinkAnswers410AndConfirmsNothing() {
        String leadId = submit(uniqueEmail(), campaign("en"));
        awaitEvents(kafka(), leadId, EventType.CONFIRMATION_REQUESTED, 1);
        String expired = links.token(UUID.fromString(leadId), Instant.now().minusSeconds(60));

        follow(expired, "application/json")
                .statusCode(410)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://faro.dev/problems/link-expired"));
        follow(expired, "text/html").statusCode(410).body(containsString("Link expired"));

        assertThat(rows.status(leadId)).contains("pending");
        awaitOutboxSent(leadId);
        assertThat(events(kafka(), leadId, EventType.LEAD_CONFIRMED)).isEmpty();
    }

    @Test
    void expiredLinkOfALeadThatIsAlreadyConfirmedStillAnswersConfirmed() {
        String leadId = submit(uniqueEmail(), campaign("en"));
        follow(token(firstLink(kafka(), leadId)), "application/json").statusCode(200);
        String expired = links.token(UUID.fromString(leadId), Instant.now().minusSeconds(60));

        follow(expired, "application/json").statusCode(200).body("status", equalTo("confirmed"));

        awaitOutboxSent(leadId);
        assertThat(events(kafka(), leadId, EventType.LEAD_CONFIRMED)).hasSize(1);
    }

    @Test
    void linkOfALeadThatNoLongerExistsAnswers404() {
        String leadId = submit(uniqueEmail(), campaign("en"));
        String token = token(firstLink(kafka(), leadId));
        QuarkusTransaction.requiringNew()
                .run(() -> erasure.erase(UUID.fromString(leadId), LeadErasure.Reason.UNCONFIRMED));

        follow(token, "application/json")
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://faro.dev/problems/not-found"));
        follow(token, "text/html").statusCode(404).body(containsString("<html lang=\"es\">"));

        assertThat(rows.status(leadId)).isEmpty();
    }

    @Test
    void tokenRewrittenToNameAnotherLeadConfirmsNeither() {
        String campaign = campaign("en");
        String victim = submit(uniqueEmail(), campaign);
        String sender = submit(uniqueEmail(), campaign);
        awaitEvents(kafka(), victim, EventType.CONFIRMATION_REQUESTED, 1);
        String rewritten = naming(token(firstLink(kafka(), sender)), sender, victim);

        follow(rewritten, "application/json")
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://faro.dev/problems/invalid-link"));

        assertThat(rows.status(victim)).contains("pending");
        assertThat(rows.status(sender)).contains("pending");
        assertThat(rows.outboxEvents(List.of(victim, sender), EventType.LEAD_CONFIRMED.cloudEventType()))
                .isZero();
    }

    @Test
    void linkFollowedManyTimesAtOnceConfirmsOnceAndAnswersConfirmedEveryTime() throws Exception {
        String leadId = submit(uniqueEmail(), campaign("en"));
        String token = token(firstLink(kafka(), leadId));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clicks.add(() -> follow(token, "application/json").extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(clicks)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200);
        assertThat(rows.status(leadId)).contains("confirmed");
        assertThat(rows.outboxEvents(List.of(leadId), EventType.LEAD_CONFIRMED.cloudEventType()))
                .isOne();
        awaitOutboxSent(leadId);
        assertThat(events(kafka(), leadId, EventType.LEAD_CONFIRMED)).hasSize(1);
    }

    @Test
    void confirmationPageShowsNothingOfWhatTheLeadOrTheLinkCarries() {
        String email = uniqueEmail();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("campaign", campaign("en"));
        form.put("consent", Map.of("marketing", true));
        form.put("name", "<script>alert(1)</script>");
        form.put("company", "\"><img src=x onerror=alert(1)>");
        form.put("utm", Map.of("source", "javascript:alert(1)"));
        String leadId = given().contentType(ContentType.JSON)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");
        String token = token(firstLink(kafka(), leadId));

        for (String hostile : List.of(
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "javascript:alert(1)",
                token + "\"><script>alert(1)</script>")) {
            follow(hostile, "text/html")
                    .statusCode(400)
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .body(not(containsString("alert(1)")));
            follow(hostile, "application/json").statusCode(400).body(not(containsString("alert(1)")));
        }
        follow(token, "text/html")
                .statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("Address confirmed"))
                .body(not(containsString("alert(1)")))
                .body(not(containsString(email)));
    }

    private static ValidatableResponse follow(String token, String accept) {
        return given().accept(accept)
                .queryParam("token", token)
                .redirects()
                .follow(false)
                .get("/api/leads/confirm")
                .then();
    }

    /** The token with one character of its payload changed (the signature stays). */
    private static String tamper(String token) {
        char first = token.charAt(0);
        return (first == 'd' ? 'e' : 'd') + token.substring(1);
    }

    private void awaitOutboxSent(String leadId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.unsentOutboxEvents(List.of(leadId)) == 0);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
