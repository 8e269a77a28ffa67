package dev.faro.lead.privacy;

import static dev.faro.lead.privacy.PrivacyFixtures.as;
import static dev.faro.lead.privacy.PrivacyFixtures.campaign;
import static dev.faro.lead.privacy.PrivacyFixtures.capture;
import static dev.faro.lead.privacy.PrivacyFixtures.form;
import static dev.faro.lead.privacy.PrivacyFixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After an erasure, a replayed request never brings the person back; a new sign-up does, as a new lead. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class SuppressionTest {

    @Inject
    PrivacyRows rows;

    @Test
    void aRequestReplayedWithItsIdempotencyKeyAfterTheErasureGetsItsFirstAnswerAndCreatesNoLead() {
        String email = uniqueEmail();
        Map<String, Object> form = form(email, campaign("es"), true);
        String key = UUID.randomUUID().toString();
        UUID erased = capture(form, key);
        as(Roles.ADMIN).delete("/api/leads/{id}", erased).then().statusCode(204);

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("leadId", equalTo(erased.toString()));

        assertThat(rows.leadsOf(email)).isZero();
        assertThat(rows.suppressed(email)).isTrue();
    }

    @Test
    void aNewSignUpAfterTheErasureIsANewLeadAndLiftsTheSuppression() {
        String email = uniqueEmail();
        String campaign = campaign("es");
        UUID erased = capture(form(email, campaign, true), UUID.randomUUID().toString());
        as(Roles.ADMIN).delete("/api/leads/{id}", erased).then().statusCode(204);
        assertThat(rows.suppressed(email)).isTrue();

        UUID signedUpAgain =
                capture(form(email, campaign, true), UUID.randomUUID().toString());

        assertThat(signedUpAgain).isNotEqualTo(erased);
        assertThat(rows.leads(signedUpAgain)).isOne();
        assertThat(rows.consentRecords(signedUpAgain)).isOne();
        assertThat(rows.keys(signedUpAgain)).isOne();
        assertThat(rows.suppressed(email)).isFalse();
    }
}
