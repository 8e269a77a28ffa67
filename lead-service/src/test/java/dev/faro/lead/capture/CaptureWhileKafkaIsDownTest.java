package dev.faro.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.FaroInfrastructureWithoutKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** With no broker reachable, capture still acknowledges leads and the service stays ready; the events wait. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructureWithoutKafka.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CaptureWhileKafkaIsDownTest {

    @Inject
    LeadRows rows;

    @Test
    void leadsAreAcknowledgedAndKeptWhileKafkaIsUnreachable() {
        String email = LeadCaptureTest.uniqueEmail();

        String leadId = given().contentType(ContentType.JSON)
                .body(LeadCaptureTest.body(email, "Sin Kafka", "demo", true, "es"))
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");

        assertThat(rows.countLeads(email)).isEqualTo(1);
        assertThat(rows.unsentOutboxEvents(leadId)).isEqualTo(1);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
