package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.awaitEvents;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.erase;
import static dev.faro.lead.privacy.PrivacyFixtures.erasePage;
import static dev.faro.lead.privacy.PrivacyFixtures.form;
import static dev.faro.lead.privacy.PrivacyFixtures.kafka;
import static dev.faro.lead.privacy.PrivacyFixtures.requestErasureLink;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.contract.EventType;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.lead.confirmation.ConfirmationLinks;
import dev.faro.local.testing.CapturedLog;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What lead-service logs on the paths a stranger drives (capture, confirmation, erasure), including their failures:
 * refused tokens, invalid bodies, rate-limit refusals and database errors. An operator reading the logs must never
 * find the address of a lead, a link's token or one of the service's secrets there.
 */
@QuarkusTest
@TestProfile(NoPersonalDataInLogsTest.SmallLimits.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class NoPersonalDataInLogsTest {

    /** Limits small enough to be refused within a test: two submissions per campaign, two link requests. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.rate-limit.lead-per-campaign.requests", "2",
                    "faro.rate-limit.lead-per-campaign.period", "1h",
                    "faro.rate-limit.lead-per-campaign.burst", "2",
                    "faro.rate-limit.erasure-request-per-client.requests", "2",
                    "faro.rate-limit.erasure-request-per-client.period", "1h",
                    "faro.rate-limit.erasure-request-per-client.burst", "2");
        }
    }

    /** A name the database is made to refuse while a test needs a database error (see {@link #refusing}). */
    private static final String REFUSED_NAME = "Refused By The Database";

    @Inject
    EntityManager entityManager;

    @Inject
    ConfirmationLinks confirmationLinks;

    @Inject
    ErasureLinks erasureLinks;

    @ConfigProperty(name = "faro.links.signing-secret")
    String signingSecret;

    @ConfigProperty(name = "faro.suppression.pepper")
    String suppressionPepper;

    @ConfigProperty(name = "faro.lead-keys.wrapping-key")
    String wrappingKey;

    @Test
    void captureLogsNoAddressWhenALeadIsAcceptedRefusedRateLimitedOrLostToADatabaseError() {
        String email = uniqueEmail();
        String campaign = campaign("en", true);
        String unlucky = uniqueEmail();
        List<String> tokensSent = new ArrayList<>();

        try (CapturedLog log = CapturedLog.everything()) {
            UUID leadId = capture(email, campaign);
            tokensSent.add(mailedConfirmationToken(leadId));
            Map<String, Object> invalid = form(email, campaign, true);
            invalid.put("phone", "612");
            submit(invalid).statusCode(400);
            submit(form(email, campaign, true))
                    .statusCode(429)
                    .body("type", equalTo("https://faro.dev/problems/rate-limited"));
            given().contentType(ContentType.JSON)
                    .body("{\"email\":\"" + email + "\",\"campaign\":")
                    .post("/api/leads")
                    .then()
                    .statusCode(400);
            Map<String, Object> lost = form(unlucky, campaign("en"), true);
            lost.put("name", REFUSED_NAME);
            refusing(() ->
                    submit(lost).statusCode(500).body("type", equalTo("https://faro.dev/problems/internal-error")));

            assertThat(log.entriesContaining("Unhandled error, incident"))
                    .as("the database error is logged, under the incident id the client was given")
                    .isNotEmpty();
            assertNothingPersonal(log, List.of(email, unlucky), tokensSent);
        }
    }

    @Test
    void confirmationLogsNoTokenWhenALinkWorksIsRefusedOrMeetsADatabaseError() {
        String email = uniqueEmail();
        String unlucky = uniqueEmail();
        String campaign = campaign("es", true);

        try (CapturedLog log = CapturedLog.everything()) {
            UUID leadId = capture(email, campaign);
            String token = mailedConfirmationToken(leadId);
            String tampered = tamper(token);
            String expired = confirmationLinks.token(leadId, Instant.now().minusSeconds(60));
            String wrongPurpose = erasureLinks.token(leadId, Instant.now().plus(Duration.ofHours(1)));

            confirm(tampered).statusCode(400);
            confirm(wrongPurpose).statusCode(400);
            confirm(expired).statusCode(410);
            confirm(email).statusCode(400);
            confirm(token).statusCode(200);
            confirm(token).statusCode(200);

            Map<String, Object> lost = form(unlucky, campaign, true);
            lost.put("name", REFUSED_NAME);
            UUID unluckyLead = capture(lost, null);
            String unluckyToken = mailedConfirmationToken(unluckyLead);
            refusing(() -> confirm(unluckyToken).statusCode(500));

            assertThat(log.entriesContaining("Unhandled error, incident")).isNotEmpty();
            assertNothingPersonal(
                    log, List.of(email, unlucky), List.of(token, tampered, expired, wrongPurpose, unluckyToken));
        }
    }

    @Test
    void erasureLogsNoAddressOrTokenWhenALinkIsAskedForRefusedFollowedOrFollowedAgain() {
        String email = uniqueEmail();
        UUID leadId = capture(email, campaign("en"));

        try (CapturedLog log = CapturedLog.everything()) {
            requestErasureLink(email).statusCode(202);
            requestErasureLink(email + " x").statusCode(400);
            requestErasureLink(email).statusCode(429);
            ErasureLinkRequested request = awaitEvents(
                            leadId, EventType.ERASURE_LINK_REQUESTED, 1, ErasureLinkRequested.class)
                    .get(0);
            String token = token(TestPrivacy.open(kafka(), leadId, request.link(), ErasureLink.class)
                    .url());
            String tampered = tamper(token);
            String expired = erasureLinks.token(leadId, Instant.now().minusSeconds(60));
            String wrongPurpose = confirmationLinks.token(leadId, Instant.now().plus(Duration.ofHours(1)));

            erasePage(tampered).statusCode(400);
            erasePage(expired).statusCode(410);
            erase(wrongPurpose).statusCode(400);
            erase(email).statusCode(400);
            erasePage(token).statusCode(200);
            erase(token).statusCode(200);
            erase(token).statusCode(200);

            assertNothingPersonal(log, List.of(email), List.of(token, tampered, expired, wrongPurpose));
        }
    }

    private void assertNothingPersonal(CapturedLog log, List<String> addresses, List<String> linkTokens) {
        List<String> forbidden = new ArrayList<>();
        for (String address : addresses) {
            forbidden.add(address);
            forbidden.add(address.substring(0, address.indexOf('@')));
        }
        for (String token : linkTokens) {
            forbidden.add(token);
            // The signature is the part that makes a token work; the payload part names only a lead id.
            forbidden.add(token.substring(token.indexOf('.') + 1));
        }
        forbidden.addAll(List.of(signingSecret, suppressionPepper, wrappingKey));
        for (String value : forbidden) {
            assertThat(log.entriesContaining(value))
                    .as("log entries containing %s", value)
                    .isEmpty();
        }
    }

    /** Runs {@code failing} while the lead table refuses confirmed leads named {@link #REFUSED_NAME}. */
    private void refusing(Runnable failing) {
        ddl(
                """
                alter table lead add constraint test_refuses_named_leads
                check (status = 'pending' or name is distinct from '%s') not valid
                """
                        .formatted(REFUSED_NAME));
        try {
            failing.run();
        } finally {
            ddl("alter table lead drop constraint if exists test_refuses_named_leads");
        }
    }

    private void ddl(String sql) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }

    private static String mailedConfirmationToken(UUID leadId) {
        ConfirmationRequested request = awaitEvents(
                        leadId, EventType.CONFIRMATION_REQUESTED, 1, ConfirmationRequested.class)
                .get(0);
        return token(TestPrivacy.open(kafka(), leadId, request.link(), ConfirmationLink.class)
                .url());
    }

    private static String token(String link) {
        return URI.create(link).getRawQuery().substring("token=".length());
    }

    /** The token with one character of its payload changed (the signature stays). */
    private static String tamper(String token) {
        return (token.charAt(0) == 'd' ? 'e' : 'd') + token.substring(1);
    }

    private static ValidatableResponse submit(Map<String, Object> form) {
        return given().contentType(ContentType.JSON)
                .body(form)
                .post("/api/leads")
                .then();
    }

    private static ValidatableResponse confirm(String token) {
        return given().accept("application/json")
                .queryParam("token", token)
                .get("/api/leads/confirm")
                .then();
    }
}
