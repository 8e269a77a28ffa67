package dev.faro.lead.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ErasureRequestRateLimitTest.TwoRequests.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class ErasureRequestRateLimitTest {

    /** Two requests an hour per client; the test client is the trusted proxy, so X-Forwarded-For names clients. */
    public static class TwoRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.http.trusted-proxies", "127.0.0.0/8",
                    "faro.rate-limit.erasure-request-per-client.requests", "2",
                    "faro.rate-limit.erasure-request-per-client.period", "1h",
                    "faro.rate-limit.erasure-request-per-client.burst", "2");
        }
    }

    @Test
    void aClientAskingForMoreErasureLinksThanTheLimitIsRefusedWith429() {
        for (int i = 0; i < 2; i++) {
            ask().statusCode(202);
        }

        ask().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://faro.dev/problems/rate-limited"))
                .body("detail", containsString("erasure-request-per-client"));
    }

    @Test
    void whileOneClientIsRefusedAnotherClientIsStillServed() {
        String bot = "198.18.200.1";
        String person = "198.18.200.2";
        ask(bot).statusCode(202);
        ask(bot).statusCode(202);

        ask(bot).statusCode(429).header("Retry-After", notNullValue());
        ask(person).statusCode(202);
        ask(bot).statusCode(429);
        ask(person).statusCode(202);
    }

    private static io.restassured.response.ValidatableResponse ask() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "someone@example.org"))
                .post("/api/privacy/erasure-requests")
                .then();
    }

    /** A request as it reaches Faro through the load balancer from {@code client}. */
    private static io.restassured.response.ValidatableResponse ask(String client) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "someone@example.org"))
                .post("/api/privacy/erasure-requests")
                .then();
    }
}
