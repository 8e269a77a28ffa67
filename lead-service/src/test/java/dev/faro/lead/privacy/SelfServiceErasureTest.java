package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.awaitEvents;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.erase;
import static dev.faro.lead.privacy.PrivacyFixtures.erasePage;
import static dev.faro.lead.privacy.PrivacyFixtures.events;
import static dev.faro.lead.privacy.PrivacyFixtures.kafka;
import static dev.faro.lead.privacy.PrivacyFixtures.requestErasureLink;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static dev.faro.lead.web.ForgedTokens.naming;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.contract.EventType;
import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.contract.events.LeadErased;
import dev.faro.lead.confirmation.ConfirmationLinks;
import dev.faro.lead.web.SignedTokens;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestPrivacy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class SelfServiceErasureTest {

    @Inject
    PrivacyRows rows;

    @Inject
    ErasureLinks links;

    @Inject
    SignedTokens tokens;

    @ConfigProperty(name = "faro.public-url")
    String publicUrl;

    @Test
    void personErasesEveryLeadOfTheirAddressThroughTheLinkSentToIt() {
        String email = uniqueEmail();
        String spring = campaign("en");
        String autumn = campaign("es");
        UUID first = capture(email, spring);
        UUID second = capture(email, autumn);
        Instant asked = Instant.now();

        requestErasureLink(email.toUpperCase()).statusCode(202);

        ErasureLinkRequested request = awaitEvents(
                        first, EventType.ERASURE_LINK_REQUESTED, 1, ErasureLinkRequested.class)
                .get(0);
        assertThat(request.campaign()).isEqualTo(spring);
        assertThat(request.locale()).isEqualTo("en");
        assertThat(request.expiresAt()).isBetween(asked.plus(Duration.ofHours(23)), asked.plus(Duration.ofHours(25)));
        awaitEvents(second, EventType.ERASURE_LINK_REQUESTED, 1, ErasureLinkRequested.class);
        URI link = URI.create(TestPrivacy.open(kafka(), first, request.link(), ErasureLink.class)
                .url());
        assertThat(link.toString()).startsWith(publicUrl + "/api/privacy/erase?token=");
        String token = link.getRawQuery().substring("token=".length());

        // Following the link shows what will happen and erases nothing: mail scanners follow links too.
        erasePage(token)
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Erase your data?"))
                .body(containsString("<form method=\"post\" action=\"erase\">"))
                .body(containsString("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"))
                .body(containsString("<button type=\"submit\">Erase my data</button>"));
        assertThat(rows.leadsOf(email)).isEqualTo(2);

        erase(token).statusCode(200).body(containsString("Your data has been erased"));

        assertThat(rows.leadsOf(email)).isZero();
        assertThat(rows.suppressed(email)).isTrue();
        assertThat(awaitEvents(first, EventType.LEAD_ERASED, 1, LeadErased.class))
                .containsExactly(new LeadErased(first, spring, "self-service"));
        assertThat(awaitEvents(second, EventType.LEAD_ERASED, 1, LeadErased.class))
                .containsExactly(new LeadErased(second, autumn, "self-service"));
        erase(token).statusCode(200).body(containsString("No queda nada que borrar"));
        erasePage(token).statusCode(200).body(not(containsString("<form")));
    }

    @Test
    void anAddressFaroDoesNotKnowGetsTheSameAnswerAndNoEmail() {
        long before = rows.erasureLinksInOutbox();

        requestErasureLink(uniqueEmail()).statusCode(202);

        assertThat(rows.erasureLinksInOutbox()).isEqualTo(before);
    }

    @Test
    void eachLeadIsSentOnlyAFewLinksADayHoweverOftenTheyAreAskedFor() {
        String email = uniqueEmail();
        UUID leadId = capture(email, campaign("es"));

        for (int i = 0; i < 5; i++) {
            requestErasureLink(email).statusCode(202);
        }

        awaitEvents(leadId, EventType.ERASURE_LINK_REQUESTED, 3, ErasureLinkRequested.class);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> events(leadId, EventType.ERASURE_LINK_REQUESTED).size() == 3);
    }

    @Test
    void somethingThatIsNotAnAddressIsRefused() {
        requestErasureLink("not-an-address")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void anInvalidLinkAnswers400AndAnExpiredOne410AndNeitherErases() {
        String email = uniqueEmail();
        UUID leadId = capture(email, campaign("es"));
        String valid = links.token(leadId, Instant.now().plus(Duration.ofHours(1)));
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        String forConfirmation =
                tokens.issue(ConfirmationLinks.PURPOSE, leadId, Instant.now().plus(Duration.ofHours(1)));
        String expired = links.token(leadId, Instant.now().minusSeconds(60));

        for (String invalid : List.of(tampered, forConfirmation, "not-a-token")) {
            erasePage(invalid).statusCode(400).body(containsString("Enlace no válido"));
            erase(invalid).statusCode(400).body(not(containsString("<form")));
        }
        given().accept("text/html").get("/api/privacy/erase").then().statusCode(400);
        erasePage(expired).statusCode(410).body(containsString("Enlace caducado"));
        erase(expired).statusCode(410);

        assertThat(rows.leadsOf(email)).isOne();
    }

    @Test
    void tokenRewrittenToNameAnotherLeadErasesNobody() {
        String campaign = campaign("es");
        UUID victim = capture(uniqueEmail(), campaign);
        UUID sender = capture(uniqueEmail(), campaign);
        // The sender's own link, as mailed to the sender, with the victim's lead id put in its payload.
        String rewritten = naming(links.token(sender, Instant.now().plus(Duration.ofHours(1))), sender, victim);

        erasePage(rewritten)
                .statusCode(400)
                .body(containsString("Enlace no válido"))
                .body(not(containsString("<form")));
        erase(rewritten).statusCode(400).body(containsString("Enlace no válido"));

        assertThat(rows.leads(victim)).isOne();
        assertThat(rows.leads(sender)).isOne();
    }

    @Test
    void followingAnErasureLinkAgainErasesNothingMoreEvenAfterTheAddressSignsUpAgain() {
        String email = uniqueEmail();
        String campaign = campaign("en");
        UUID erased = capture(email, campaign);
        String token = links.token(erased, Instant.now().plus(Duration.ofHours(1)));
        erase(token).statusCode(200).body(containsString("Your data has been erased"));
        UUID signedUpAgain = capture(email, campaign);

        erase(token).statusCode(200).body(containsString("No queda nada que borrar"));
        erasePage(token)
                .statusCode(200)
                .body(containsString("No queda nada que borrar"))
                .body(not(containsString("<form")));

        assertThat(signedUpAgain).isNotEqualTo(erased);
        assertThat(rows.leads(signedUpAgain)).isOne();
        assertThat(rows.outboxEvents(erased, EventType.LEAD_ERASED.cloudEventType()))
                .isOne();
        assertThat(rows.outboxEvents(signedUpAgain, EventType.LEAD_ERASED.cloudEventType()))
                .isZero();
    }

    @Test
    void erasurePagesShowNothingOfWhatTheLeadOrTheLinkCarries() {
        String email = uniqueEmail();
        Map<String, Object> form = PrivacyFixtures.form(email, campaign("en"), true);
        form.put("name", "<script>alert(1)</script>");
        form.put("company", "\"><img src=x onerror=alert(1)>");
        form.put("referrer", "javascript:alert(1)");
        UUID leadId = capture(form, null);
        String token = links.token(leadId, Instant.now().plus(Duration.ofHours(1)));

        for (String hostile : List.of(
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "javascript:alert(1)",
                token + "\"><script>alert(1)</script>")) {
            erasePage(hostile)
                    .statusCode(400)
                    .header("Content-Security-Policy", startsWith("default-src 'none'"))
                    .body(not(containsString("alert(1)")));
            erase(hostile).statusCode(400).body(not(containsString("alert(1)")));
        }
        erasePage(token)
                .statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"))
                .body(not(containsString("alert(1)")))
                .body(not(containsString(email)));
        assertThat(rows.leads(leadId)).isOne();
    }
}
