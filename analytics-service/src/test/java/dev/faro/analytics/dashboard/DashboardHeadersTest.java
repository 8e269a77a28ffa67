package dev.faro.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class DashboardHeadersTest {

    private static final String POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none';" + " form-action 'self'; frame-ancestors 'none'";

    @Test
    void dashboardIsServedAtTheRootWithAPolicyAllowingOnlyItsOwnFilesAndNoFraming() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void scriptsAndStylesOfTheDashboardCarryThePolicyToo() {
        for (String file : new String[] {
            "/dashboard/app.js",
            "/dashboard/charts.js",
            "/dashboard/language.js",
            "/dashboard/messages.js",
            "/dashboard/report.js",
            "/dashboard/dashboard.css"
        }) {
            given().when()
                    .get(file)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", equalTo(POLICY))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }

    @Test
    void dashboardPageHasNoInlineScriptOrStyle() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();

        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group()).as("script tag").contains(" src=");
        }
        assertThat(count).as("script tags").isPositive();
        assertThat(html)
                .as("inline styles or event handlers")
                .doesNotContainPattern("(?i)<style\\b")
                .doesNotContainPattern("(?i)\\sstyle=")
                .doesNotContainPattern("(?i)\\son[a-z]+=");
    }
}
