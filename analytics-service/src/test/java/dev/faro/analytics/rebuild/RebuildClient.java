package dev.faro.analytics.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.faro.local.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** Starts rebuilds and follows them over HTTP, as {@code ./faro rebuild-analytics} does. */
final class RebuildClient {

    private static final Duration REBUILT = Duration.ofSeconds(90);

    private RebuildClient() {}

    static JsonPath start() {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .when()
                .post(RebuildResource.PATH)
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith(RebuildResource.PATH))
                .extract()
                .jsonPath();
    }

    static JsonPath latest() {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .when()
                .get(RebuildResource.PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the latest rebuild has ended, and returns its final status. */
    static JsonPath awaitEnd() {
        return await("the rebuild to end")
                .atMost(REBUILT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        RebuildClient::latest,
                        status -> !status.getString("state").equals("reading")
                                && !status.getString("state").equals("swapping"));
    }

    static JsonPath rebuild() {
        start();
        return awaitEnd();
    }
}
