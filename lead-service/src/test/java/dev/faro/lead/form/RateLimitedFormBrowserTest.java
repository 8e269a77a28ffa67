package dev.faro.lead.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.lead.capture.LeadRows;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.HeadlessChromium;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A visitor who submits again and again meets the rate limit: the form asks them to try later. */
@QuarkusTest
@TestProfile(RateLimitedFormBrowserTest.OneLeadPerHour.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class RateLimitedFormBrowserTest {

    public static class OneLeadPerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.rate-limit.enabled", "true",
                    "faro.rate-limit.lead-per-client.requests", "1",
                    "faro.rate-limit.lead-per-client.period", "1h",
                    "faro.rate-limit.lead-per-client.burst", "1");
        }
    }

    private static HeadlessChromium chromium;

    @TestHTTPResource("/demo/")
    URI demoPage;

    @Inject
    LeadRows rows;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(EmbeddedFormBrowserTest.VISITOR_ZONE);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void submissionOverTheRateLimitAsksToTryLater() {
        DemoPage page = new DemoPage(chromium.driver());
        String first = EmbeddedFormBrowserTest.uniqueEmail();
        String second = EmbeddedFormBrowserTest.uniqueEmail();
        assertThat(page.open(demoPage).type("email", first).submit()).isEqualTo("success");

        String answer = page.open(demoPage).type("email", second).submit();

        assertThat(answer).isEqualTo("too-many");
        assertThat(page.status().getText()).startsWith("Demasiados intentos");
        assertThat(page.errorOf("email").getText()).as("no field is blamed").isEmpty();
        assertThat(rows.countLeads(second)).isZero();
    }
}
