package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.capture;
import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A bot that fills the hidden {@code website} field is answered like anyone else, and nothing comes of it. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class HoneypotTest {

    private static final String METRIC = "faro_capture_honeypot_total{campaign=\"demo\"";

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void filledHoneypotIsAnsweredLikeSuccessButNothingIsStoredOrPublishedAndItIsCounted() {
        double before = trapped();
        Map<String, Object> bot = with(Forms.complete(), "website", "https://spam.example.net");

        Response answer = Forms.submit(bot);

        answer.then().statusCode(202).contentType("application/json");
        UUID decoy = UUID.fromString(answer.path("leadId"));
        assertThat(decoy.version()).isEqualTo(4);
        assertThat(decoy.variant()).isEqualTo(2);
        assertThat(rows.countLeads(email(bot))).isZero();
        assertThat(rows.outboxEventIds(decoy.toString())).isEmpty();
        assertThat(trapped()).isEqualTo(before + 1);
        // The relay publishes in order: once a later lead is on Kafka, anything the bot caused would be too.
        Forms.awaitSingleEvent(kafka(), capture(minimal()));
        assertThat(kafka().records(
                                Topics.LEADS.name(),
                                r -> decoy.toString().equals(r.key())
                                        || r.value().contains(email(bot))))
                .isEmpty();
    }

    @Test
    void filledHoneypotGetsTheSameLeadIdForTheSameAddressAsARealDuplicateWould() {
        Map<String, Object> bot = with(minimal(), "website", "x");

        String first = capture(bot);
        String second = capture(bot);

        assertThat(second).isEqualTo(first);
        assertThat(capture(with(minimal(), "website", "x"))).isNotEqualTo(first);
    }

    @Test
    void honeypotIsCheckedAfterValidationSoABotSeesTheErrorsAPersonWould() {
        Forms.assertRejected(with(with(minimal(), "website", "x"), "email", "not-an-address"), "email");
        Forms.assertRejected(with(with(minimal(), "website", "x"), "campaign", "no-such-campaign"), "campaign");
    }

    @Test
    void blankHoneypotIsWhatAPersonSendsAndCapturesTheLead() {
        Map<String, Object> person = with(minimal(), "website", " ");

        capture(person);

        assertThat(rows.countLeads(email(person))).isEqualTo(1);
    }

    /** How many submissions the honeypot caught for the demo campaign, as Prometheus scrapes it. */
    private static double trapped() {
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(METRIC))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
