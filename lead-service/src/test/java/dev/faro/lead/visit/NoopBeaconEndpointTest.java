package dev.faro.lead.visit;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The benchmark's no-op beacon is not part of the service unless a benchmark run asks for it. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class NoopBeaconEndpointTest {

    @Test
    void noopEndpointIsNotFoundByDefault() {
        given().contentType(ContentType.JSON)
                .body("{\"visitorId\":\"v-1\",\"campaign\":\"demo\"}")
                .post("/api/bench/noop")
                .then()
                .statusCode(404);
    }
}
