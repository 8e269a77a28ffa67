package dev.faro.lead.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production: no demo campaign is seeded, so no demo page either; the embeddable script is still there. */
@QuarkusTest
@TestProfile(DemoPageOutsideLocalModeTest.WithoutDemo.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class DemoPageOutsideLocalModeTest {

    public static class WithoutDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.demo.seed", "false");
        }
    }

    @Test
    void demoPageIsNotServedWithoutTheDemoCampaign() {
        given().get("/demo/").then().statusCode(404);
        given().get("/demo/index.html").then().statusCode(404);
        given().get("/demo").then().statusCode(404);
    }

    @Test
    void scriptIsServedAnyway() {
        given().get("/faro.js").then().statusCode(200).body(containsString("data-faro-"));
    }
}
