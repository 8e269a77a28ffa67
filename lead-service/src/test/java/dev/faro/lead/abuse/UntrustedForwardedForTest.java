package dev.faro.lead.abuse;

import static dev.faro.lead.abuse.Submissions.lead;
import static dev.faro.lead.abuse.Submissions.newClient;
import static org.hamcrest.Matchers.containsString;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UntrustedForwardedForTest.NoTrustedProxy.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class UntrustedForwardedForTest {

    /** Small per-address limit, and no proxy trusted: the test client is just another client. */
    public static class NoTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("faro.http.trusted-proxies", "none"),
                    Map.entry("faro.rate-limit.enabled", "true"),
                    Map.entry("faro.rate-limit.lead-per-client.requests", "2"),
                    Map.entry("faro.rate-limit.lead-per-client.period", "1h"),
                    Map.entry("faro.rate-limit.lead-per-client.burst", "2"),
                    Map.entry("faro.rate-limit.lead-per-campaign.requests", "1000"),
                    Map.entry("faro.rate-limit.lead-per-campaign.period", "1m"),
                    Map.entry("faro.rate-limit.lead-per-campaign.burst", "1000"),
                    Map.entry("faro.rate-limit.visit-per-client.requests", "1000"),
                    Map.entry("faro.rate-limit.visit-per-client.period", "1m"),
                    Map.entry("faro.rate-limit.visit-per-client.burst", "1000"));
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerCannotBuyAFreshBucket() {
        lead(newClient(), "demo").statusCode(202);
        lead(newClient(), "demo").statusCode(202);

        lead(newClient(), "demo")
                .statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("from this address"));
    }
}
