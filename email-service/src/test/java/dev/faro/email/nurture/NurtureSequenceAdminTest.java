package dev.faro.email.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class NurtureSequenceAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    private NurtureAdmin admin() {
        return new NurtureAdmin(campaigns.toString());
    }

    @Test
    void aSavedSequenceIsReadBackAsSavedAndAnEmptyOneRemovesIt() throws Exception {
        String campaign = NurtureLeads.freshCampaign();
        String sequence =
                """
                {"steps": [
                  {"delay": "PT36H", "template": "nurture-tips", "condition": "always"},
                  {"delay": "P3D", "template": "nurture-last-chance", "condition": "not-redeemed"}
                ]}""";

        HttpResponse<String> saved = admin().put(campaign, sequence, TestTokens.bearer(Roles.MARKETER));
        HttpResponse<String> read = admin().get(campaign, TestTokens.bearer(Roles.ADMIN));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body())).isEqualTo(JSON.readTree(sequence));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(JSON.readTree(sequence));

        admin().save(campaign, "{\"steps\": []}");
        assertThat(JSON.readTree(admin().get(campaign, TestTokens.bearer(Roles.MARKETER))
                                .body())
                        .path("steps"))
                .isEmpty();
    }

    @Test
    void theDemoCampaignShipsWithTipsAfterADayThenALastChanceForLeadsWhoDidNotRedeem() throws Exception {
        HttpResponse<String> demo = admin().get("demo", TestTokens.bearer(Roles.MARKETER));

        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(demo.body()))
                .isEqualTo(
                        JSON.readTree(
                                """
                        {"steps": [
                          {"delay": "P1D", "template": "nurture-tips", "condition": "always"},
                          {"delay": "P3D", "template": "nurture-last-chance", "condition": "not-redeemed"}
                        ]}"""));
    }

    @Test
    void everyFaultyFieldIsNamedInOneProblem() throws Exception {
        String campaign = NurtureLeads.freshCampaign();
        HttpResponse<String> response = admin().put(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1S", "template": "nurture-tips", "condition": "always"},
                          {"delay": "P366D", "template": "nurture-tips", "condition": "always"},
                          {"delay": "tomorrow", "template": "nurture-tips", "condition": "always"},
                          {"delay": "P1D", "template": "tips", "condition": "always"},
                          {"delay": "P1D", "template": "nurture-nowhere", "condition": "always"},
                          {"delay": "P1D", "template": "nurture-tips", "condition": "sometimes"},
                          {"delay": "P1D", "template": "nurture-tips"},
                          null
                        ]}""",
                        TestTokens.bearer(Roles.MARKETER));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, String> errors = errors(JSON.readTree(response.body()));
        assertThat(errors.keySet())
                .containsExactlyInAnyOrder(
                        "steps[1].delay",
                        "steps[2].delay",
                        "steps[3].template",
                        "steps[4].template",
                        "steps[5].condition",
                        "steps[6].condition",
                        "steps[7]");
        assertThat(errors.get("steps[1].delay")).contains("P365D");
        assertThat(errors.get("steps[4].template")).contains("nurture-tips", "nurture-last-chance");
        assertThat(errors.get("steps[5].condition")).contains("always", "not-redeemed");
        assertThat(JSON.readTree(admin().get(campaign, TestTokens.bearer(Roles.MARKETER))
                                .body())
                        .path("steps"))
                .as("nothing of a refused sequence is saved")
                .isEmpty();
    }

    @Test
    void aDelayUnderTheConfiguredMinimumIsRefused() throws Exception {
        HttpResponse<String> response = admin().put(
                        NurtureLeads.freshCampaign(),
                        "{\"steps\": [{\"delay\": \"PT0.5S\", \"template\": \"nurture-tips\","
                                + " \"condition\": \"always\"}]}",
                        TestTokens.bearer(Roles.MARKETER));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(JSON.readTree(response.body()))).containsOnlyKeys("steps[0].delay");
    }

    @Test
    void moreThanTwentyStepsAreRefused() throws Exception {
        String steps = IntStream.range(0, 21)
                .mapToObj(i -> "{\"delay\": \"P1D\", \"template\": \"nurture-tips\", \"condition\": \"always\"}")
                .collect(Collectors.joining(",", "{\"steps\": [", "]}"));

        HttpResponse<String> response =
                admin().put(NurtureLeads.freshCampaign(), steps, TestTokens.bearer(Roles.MARKETER));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(JSON.readTree(response.body()))).containsOnlyKeys("steps");
    }

    @Test
    void aSequenceWithoutStepsListIsRefused() throws Exception {
        HttpResponse<String> response = admin().put(NurtureLeads.freshCampaign(), "{}", TestTokens.bearer(Roles.ADMIN));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(JSON.readTree(response.body()))).containsOnlyKeys("steps");
    }

    @Test
    void aStepMayNameATemplateTheCampaignDefines() {
        String campaign = NurtureLeads.freshCampaign();
        String sequence =
                "{\"steps\": [{\"delay\": \"P2D\", \"template\": \"nurture-spring\", \"condition\": \"always\"}]}";
        assertThat(admin().put(campaign, sequence, TestTokens.bearer(Roles.MARKETER))
                        .statusCode())
                .as("not defined yet")
                .isEqualTo(400);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into campaign_template (campaign, template, locale, subject, html, text)
                        values (:campaign, 'nurture-spring', 'es', 'Primavera',
                                '<p>{footer.unsubscribeUrl} {footer.postalAddress}</p>',
                                '{footer.unsubscribeUrl} {footer.postalAddress}')
                        """)
                .setParameter("campaign", campaign)
                .executeUpdate());

        assertThat(admin().put(campaign, sequence, TestTokens.bearer(Roles.MARKETER))
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin().put(NurtureLeads.freshCampaign(), sequence, TestTokens.bearer(Roles.MARKETER))
                        .statusCode())
                .as("another campaign's template")
                .isEqualTo(400);
    }

    @Test
    void onlyMarketersAndAdminsMayReadOrChangeASequence() {
        String sequence = "{\"steps\": []}";
        HttpResponse<String> anonymous = admin().put("demo", sequence, null);
        HttpResponse<String> shop = admin().put("demo", sequence, TestTokens.bearer(Roles.SHOP));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(shop.statusCode()).isEqualTo(403);
        assertThat(shop.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(admin().get("demo", null).statusCode()).isEqualTo(401);
        assertThat(admin().get("demo", TestTokens.bearer(Roles.SHOP)).statusCode())
                .isEqualTo(403);
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new HashMap<>();
        StreamSupport.stream(problem.path("errors").spliterator(), false)
                .forEach(error -> errors.put(
                        error.path("field").asText(), error.path("message").asText()));
        return errors;
    }
}
