package dev.faro.lead.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** faro.js as a landing page gets it: small, typed, cacheable for a short while. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class FaroScriptTest {

    /** Every landing page downloads it before its form works, often on a phone. */
    private static final int MAX_GZIPPED_BYTES = 5 * 1024;

    @Test
    void scriptIsServedAsUtf8JavaScriptWithAShortCacheLifetime() {
        given().get("/faro.js")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/javascript; charset=utf-8"))
                .header("Cache-Control", equalTo("public, max-age=600"))
                .body(containsString("data-faro-"));
    }

    @Test
    void scriptIsUnderFiveKilobytesGzipped() throws IOException {
        byte[] script = given().get("/faro.js").then().statusCode(200).extract().asByteArray();

        assertThat(script).isNotEmpty();
        assertThat(gzipped(script)).as("faro.js gzipped, in bytes").isLessThan(MAX_GZIPPED_BYTES);
    }

    @Test
    void scriptNeverParsesMarkup() {
        String script = new String(
                given().get("/faro.js").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);

        // Server messages and visitors' input reach the page through textContent only.
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void demoLandingPageIsServedWhereTheDemoCampaignIsSeeded() {
        given().get("/demo/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"es\">"))
                .body(containsString("data-faro-campaign=\"demo\""))
                .body(containsString("<script src=\"/faro.js\""));
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
