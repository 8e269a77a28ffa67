package dev.faro.analytics.reconciliation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.analytics.funnel.TimedEvents;
import dev.faro.contract.events.EmailSent;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import dev.faro.support.reconciliation.LeadLedgerRequest;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class LeadLedgerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/admin/reconciliation/leads";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Test
    void eachLeadAskedGetsWhatTheFunnelCountedForItInTheOrderAsked() throws Exception {
        TimedEvents events =
                new TimedEvents("rc-" + UUID.randomUUID().toString().substring(0, 12));
        UUID clicked = UUID.randomUUID();
        UUID counted = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        Instant now = Instant.now();
        kafka.publish(counted.toString(), events.captured(now, counted, "a", "newsletter", "email"));
        kafka.publish(counted.toString(), events.incentiveIssued(now, counted));
        kafka.publish(counted.toString(), events.emailSent(now, counted, EmailSent.KIND_INCENTIVE));
        kafka.publish(clicked.toString(), events.captured(now, clicked, "b", "ads", "cpc"));
        kafka.publish(clicked.toString(), events.emailFailed(now, clicked));
        kafka.publish(clicked.toString(), events.clicked(now, clicked));
        kafka.publish(clicked.toString(), events.clicked(now, clicked));

        String asked = body(List.of(unknown.toString(), counted.toString(), clicked.toString()));
        JsonNode expected = JSON.readTree(
                """
                {"leads": [
                  {"leadId": "%s", "attributed": false,
                   "counted": {"leads": 0, "confirmed": 0, "incentives_issued": 0, "emails_sent": 0,
                               "emails_failed": 0}},
                  {"leadId": "%s", "attributed": true,
                   "counted": {"leads": 1, "confirmed": 0, "incentives_issued": 1, "emails_sent": 1,
                               "emails_failed": 0}},
                  {"leadId": "%s", "attributed": true,
                   "counted": {"leads": 1, "confirmed": 0, "incentives_issued": 0, "emails_sent": 0,
                               "emails_failed": 1, "clicks": 2}}
                ]}
                """
                        .formatted(unknown, counted, clicked));

        JsonNode answer = await("what the funnel counted")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> JSON.readTree(ask(asked)
                                .statusCode(200)
                                .contentType("application/json")
                                .extract()
                                .asString()),
                        expected::equals);

        // Two clicks are two events, each counted; the stages keep the funnel's order.
        assertThat(answer.at("/leads/2/counted").fieldNames())
                .toIterable()
                .containsExactly("leads", "confirmed", "incentives_issued", "emails_sent", "emails_failed", "clicks");
    }

    @Test
    void aLeadAskedTwiceIsReportedOnce() {
        String lead = UUID.randomUUID().toString();

        ask(body(List.of(lead, lead)))
                .statusCode(200)
                .body("leads.size()", equalTo(1))
                .body("leads[0].leadId", equalTo(lead))
                .body("leads[0].attributed", equalTo(false))
                .body("leads[0].counted.leads", equalTo(0));
    }

    @Test
    void aMalformedIdIsAProblemNamingTheField() {
        ask(body(List.of(UUID.randomUUID().toString(), "not-a-lead")))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("leadIds"));
    }

    @Test
    void moreIdsThanAPageOrNoneListedAreProblemsNamingTheField() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= LeadLedgerRequest.MAX_LEADS; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }

        ask(body(tooMany)).statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("leadIds"));
        ask("{}").statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("leadIds"));
    }

    @Test
    void onlyAnAdministratorMayAsk() {
        String asked = body(List.of(UUID.randomUUID().toString()));

        given().contentType("application/json").body(asked).post(PATH).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("application/json")
                .body(asked)
                .post(PATH)
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theOperationIsDocumentedWithItsRequestAndProblems() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'%s'.post.security[0]".formatted(PATH), hasKey("bearer"))
                .body(
                        "paths.'%s'.post.requestBody.content.'application/json'.schema.$ref".formatted(PATH),
                        equalTo("#/components/schemas/LeadLedgerRequest"))
                .body("paths.'%s'.post.responses.keySet()".formatted(PATH), hasItems("200", "400", "401", "403"));
    }

    private static ValidatableResponse ask(String body) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static String body(List<String> leadIds) {
        try {
            return JSON.writeValueAsString(Map.of("leadIds", leadIds));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
