package dev.faro.lead.abuse;

import static dev.faro.lead.abuse.Submissions.lead;
import static dev.faro.lead.abuse.Submissions.leadAt;
import static dev.faro.lead.abuse.Submissions.leadOf;
import static dev.faro.lead.abuse.Submissions.newClient;
import static dev.faro.lead.abuse.Submissions.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.contract.EventType;
import dev.faro.lead.confirmation.ConfirmationRows;
import dev.faro.lead.confirmation.DoubleOptInConfig;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class RateLimitTest {

    /**
     * Limits small enough to reach in a test, and the test client trusted as the proxy in front of Faro, by a
     * CIDR block as on Kubernetes, where the ingress controller's pods change addresses.
     */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("faro.http.trusted-proxies", "127.0.0.0/8"),
                    Map.entry("faro.rate-limit.enabled", "true"),
                    Map.entry("faro.rate-limit.lead-per-client.requests", "2"),
                    Map.entry("faro.rate-limit.lead-per-client.period", "1h"),
                    Map.entry("faro.rate-limit.lead-per-client.burst", "2"),
                    Map.entry("faro.rate-limit.lead-per-campaign.requests", "3"),
                    Map.entry("faro.rate-limit.lead-per-campaign.period", "1h"),
                    Map.entry("faro.rate-limit.lead-per-campaign.burst", "3"),
                    Map.entry("faro.rate-limit.visit-per-client.requests", "4"),
                    Map.entry("faro.rate-limit.visit-per-client.period", "1h"),
                    Map.entry("faro.rate-limit.visit-per-client.burst", "4"));
        }
    }

    @Inject
    TestCampaigns campaigns;

    @Inject
    ConfirmationRows confirmations;

    @Inject
    DoubleOptInConfig doubleOptInConfig;

    @Test
    void aBurstFromOneClientIsRefusedWithRetryAfterWhileAnotherClientIsStillServed() {
        String campaign = campaigns.create();
        String bot = newClient();
        lead(bot, campaign).statusCode(202);
        lead(bot, campaign).statusCode(202);

        ExtractableResponse<Response> refused = lead(bot, campaign)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("lead submissions from this address"))
                .extract();

        // Two per hour: the next token is half an hour away.
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1_700L, 1_800L);
        lead(newClient(), campaign).statusCode(202);
        assertThat(campaigns.leadsOf(campaign)).isEqualTo(3);
    }

    @Test
    void whileOneClientsBurstIsBeingRefusedOtherClientsAreServedAtTheSameTime() throws Exception {
        String botCampaign = campaigns.create();
        String campaign = campaigns.create();
        String bot = newClient();
        List<Future<ExtractableResponse<Response>>> botAnswers = new ArrayList<>();
        List<Future<ExtractableResponse<Response>>> otherAnswers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 12; i++) {
                botAnswers.add(pool.submit(() -> lead(bot, botCampaign).extract()));
                if (i % 4 == 1) {
                    String person = newClient();
                    otherAnswers.add(pool.submit(() -> lead(person, campaign).extract()));
                }
            }
            List<ExtractableResponse<Response>> refused = new ArrayList<>();
            int admitted = 0;
            for (Future<ExtractableResponse<Response>> answer : botAnswers) {
                if (answer.get().statusCode() == 202) {
                    admitted++;
                } else {
                    refused.add(answer.get());
                }
            }
            for (Future<ExtractableResponse<Response>> answer : otherAnswers) {
                assertThat(answer.get().statusCode())
                        .as("another client's submission")
                        .isEqualTo(202);
            }

            assertThat(admitted)
                    .as("the bot's submissions admitted (its burst)")
                    .isEqualTo(2);
            assertThat(refused).hasSize(10).allSatisfy(answer -> {
                assertThat(answer.statusCode()).isEqualTo(429);
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                assertThat(answer.<String>path("type")).endsWith("/rate-limited");
                assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(campaigns.leadsOf(botCampaign)).isEqualTo(2);
        assertThat(campaigns.leadsOf(campaign)).isEqualTo(3);
    }

    @Test
    void anAddressSubmittedFromManyClientsIsSentNoMoreConfirmationEmailsThanItsLimit() {
        String email = Submissions.uniqueEmail();
        List<String> doubleOptIn = List.of(
                campaigns.createWithDoubleOptIn(),
                campaigns.createWithDoubleOptIn(),
                campaigns.createWithDoubleOptIn(),
                campaigns.createWithDoubleOptIn());
        Set<String> leads = new TreeSet<>();

        // Each from an address of its own, none over its client's or its campaign's limit.
        for (int i = 0; i < 12; i++) {
            leads.add(leadOf(email, newClient(), doubleOptIn.get(i % doubleOptIn.size()))
                    .statusCode(202)
                    .extract()
                    .path("leadId"));
        }

        assertThat(leads).hasSize(doubleOptIn.size());
        assertThat(confirmations.outboxEvents(leads, EventType.CONFIRMATION_REQUESTED.cloudEventType()))
                .isEqualTo(doubleOptInConfig.requestsPerAddress())
                .isEqualTo(3);
    }

    @Test
    void anotherSpellingOfTheUrlDoesNotEscapeTheLimit() {
        String campaign = campaigns.create();
        String bot = newClient();
        lead(bot, campaign).statusCode(202);
        lead(bot, campaign).statusCode(202);

        for (String path : List.of("/api/leads/", "/api/leads;v=2", "/api//leads", "/api/%6ceads")) {
            leadAt(path, bot, campaign).statusCode(429);
        }
        assertThat(campaigns.leadsOf(campaign)).isEqualTo(2);
    }

    @Test
    void theCampaignLimitRefusesEveryClientOnceReachedAndStoresNothingMore() {
        String campaign = campaigns.create();
        for (int i = 0; i < 3; i++) {
            lead(newClient(), campaign).statusCode(202);
        }
        String latecomer = newClient();

        ExtractableResponse<Response> refused = lead(latecomer, campaign)
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/rate-limited"))
                .body("detail", containsString("lead submissions to this campaign"))
                .extract();

        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1_100L, 1_200L);
        assertThat(campaigns.leadsOf(campaign)).isEqualTo(3);
        lead(latecomer, campaigns.create()).statusCode(202);
    }

    @Test
    void visitsHaveTheirOwnHigherPerClientLimit() {
        String client = newClient();
        String campaign = campaigns.create();
        lead(client, campaign).statusCode(202);
        lead(client, campaign).statusCode(202);
        lead(client, campaign).statusCode(429);

        for (int i = 0; i < 4; i++) {
            visit(client).statusCode(not(429));
        }

        visit(client)
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("visits from this address"));
        visit(newClient()).statusCode(not(429));
    }
}
