package dev.faro.incentive.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.local.testing.CapturedLog;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the service logs while a lead's incentive is issued, its content downloaded and its code redeemed, the
 * refused attempts included: no address, no download token, no discount code (a bearer credential for money, so not
 * even the code of a failed attempt) and no secret. Logs are kept longer and read by more people than the data.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class LoggedSecretsTest {

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @ConfigProperty(name = "faro.links.signing-secret")
    String signingSecret;

    @Test
    void issuingDownloadingAndRedeemingLogNoAddressTokenCodeOrSecret() {
        UUID leadId = UUID.randomUUID();
        String shop = TestTokens.bearer(Roles.SHOP);
        try (CapturedLog log = CapturedLog.everything()) {
            kafka().publish("demo", GoldenEvents.campaign("demo"));
            kafka().publish(
                            leadId.toString(),
                            GoldenEvents.fresh(
                                    EventType.LEAD_CAPTURED,
                                    Map.of("leadId", leadId, "campaign", "demo", "confirmationRequired", false)));
            IncentiveIssued issued = awaitIssued(leadId);
            String link = URI.create(issued.content().url()).getPath();
            String token = link.substring(link.lastIndexOf('/') + 1);

            given().get(link).then().statusCode(200);
            given().get(link).then().statusCode(200);
            given().get(link + "x").then().statusCode(400);
            given().get("/api/content/{token}", token.replace('.', '-')).then().statusCode(400);

            String code = issued.code();
            redeem(shop, mistyped(code), "ORD-1").then().statusCode(400);
            redeem(shop, new DiscountCodes().next(), "ORD-1").then().statusCode(404);
            redeem(shop, code + "\u0000", "ORD-1").then().statusCode(404);
            redeem(shop, code, "ORD-1").then().statusCode(201);
            redeem(shop, code, "ORD-2").then().statusCode(409);
            redeem(TestTokens.bearer(Roles.MARKETER), code, "ORD-3").then().statusCode(403);

            // An event no consumer can read is parked and logged: proof that this test sees the service's log, and
            // a lead event whose personal data a broken producer sent in clear.
            EventEnvelope unreadable = GoldenEvents.fresh(
                    EventType.LEAD_CAPTURED,
                    Map.of("leadId", leadId, "campaign", "demo", "personal", "lucia.garcia@example.org"));
            kafka().publish(leadId.toString(), unreadable);
            await("the unreadable event dead-lettered")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> log.entriesContaining("Dead-lettered faro.leads/").stream()
                            .anyMatch(line -> line.contains("/personal: string found")));

            List<String> logged = log.entries();
            assertThat(logged)
                    .as("log lines naming the code, the download token, the link secret or the shop's token")
                    .filteredOn(line -> line.contains(code)
                            || line.contains(DiscountCodes.normalise(code))
                            || line.contains(token)
                            || line.contains(token.substring(0, token.indexOf('.')))
                            || line.contains(token.substring(token.indexOf('.') + 1))
                            || line.contains(signingSecret)
                            || line.contains(shop.substring("Bearer ".length())))
                    .isEmpty();
            assertThat(logged)
                    .as("log lines with an email address")
                    .filteredOn(line -> EMAIL_ADDRESS.matcher(line).find())
                    .isEmpty();
        }
    }

    private static io.restassured.response.Response redeem(String bearer, String code, String orderId) {
        return given().header("Authorization", bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("orderId", orderId, "orderValue", 10, "currency", "EUR"))
                .post("/api/incentives/{code}/redemptions", code);
    }

    /** The code with its first random character replaced, which its check character catches. */
    private static String mistyped(String code) {
        char first = code.charAt(0);
        return (first == 'A' ? 'C' : 'A') + code.substring(1);
    }

    private static IncentiveIssued awaitIssued(UUID leadId) {
        EventEnvelope[] found = new EventEnvelope[1];
        await("the lead's incentive").atMost(Duration.ofSeconds(30)).until(() -> {
            List<EventEnvelope> issued = kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                    .filter(e -> e.eventType() == EventType.INCENTIVE_ISSUED)
                    .toList();
            found[0] = issued.isEmpty() ? null : issued.get(0);
            return found[0] != null;
        });
        return EventCodec.instance().data(found[0], IncentiveIssued.class);
    }

    private static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }
}
