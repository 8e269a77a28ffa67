package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.as;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.form;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class PersonalDataExportTest {

    @Test
    void exportHoldsTheLeadRowAndItsConsentLedgerAndSaysWhichServicesDidNotAnswer() {
        String email = uniqueEmail();
        String campaign = campaign("es");
        Map<String, Object> first = form(email, campaign, true);
        first.put("name", "Lucía García");
        first.put("phone", "+34612345678");
        first.put("utm", Map.of("source", "newsletter"));
        UUID leadId = capture(first, null);
        capture(form(email, campaign, false), null);

        // The other services do not run in this test: their sections must say so, not vanish.
        as(Roles.ADMIN)
                .get("/api/leads/{id}/export", leadId)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("leadId", equalTo(leadId.toString()))
                .body("lead.id", equalTo(leadId.toString()))
                .body("lead.email", equalTo(email))
                .body("lead.name", equalTo("Lucía García"))
                .body("lead.phone", equalTo("+34612345678"))
                .body("lead.utm_source", equalTo("newsletter"))
                .body("lead.marketing_consent", equalTo(false))
                .body("lead", hasKey("created_at"))
                .body("consent", hasSize(2))
                .body("consent[0].granted", equalTo(true))
                .body("consent[1].granted", equalTo(false))
                .body("consent[0].purpose", equalTo("marketing"))
                .body("consent[0]", hasKey("user_agent"))
                .body("consent[0]", not(hasKey("lead_id")))
                .body("webhookDeliveries", hasSize(0))
                .body("complete", equalTo(false))
                .body("incentives.unavailable", equalTo(true))
                .body("incentives.reason", containsString("could not connect"))
                .body("emails.unavailable", equalTo(true))
                .body("analytics.unavailable", equalTo(true));
    }

    @Test
    void exportOfALeadFaroDoesNotHoldIs404() {
        as(Roles.ADMIN)
                .get("/api/leads/{id}/export", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/not-found"));
        as(Roles.ADMIN).get("/api/leads/{id}/export", "not-a-lead-id").then().statusCode(404);
    }
}
