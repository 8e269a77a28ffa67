package dev.faro.email.template;

import static dev.faro.email.template.IncentiveTemplates.freshCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class CampaignTemplatesApiTest {

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Test
    void savedOverrideIsListedReadReplacedAndDeleted() {
        TemplateApi api = TemplateApi.asMarketer(campaigns);
        String campaign = freshCampaign();
        assertThat(TemplateApi.ok(api.list(campaign)).isEmpty()).isTrue();

        JsonNode saved = api.save(campaign, "incentive", "es", IncentiveTemplates.spanish());

        assertThat(saved.path("template").asText()).isEqualTo("incentive");
        assertThat(saved.path("locale").asText()).isEqualTo("es");
        assertThat(saved.path("subject").asText()).isEqualTo(IncentiveTemplates.SUBJECT_ES);
        Instant firstSave = Instant.parse(saved.path("updatedAt").asText());
        JsonNode read = TemplateApi.ok(api.get(campaign, "incentive", "es"));
        assertThat(read.path("subject").asText()).isEqualTo(IncentiveTemplates.SUBJECT_ES);
        assertThat(read.path("html").asText()).isEqualTo(IncentiveTemplates.HTML_ES);
        assertThat(read.path("text").asText()).isEqualTo(IncentiveTemplates.TEXT_ES);
        JsonNode list = TemplateApi.ok(api.list(campaign));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("template").asText()).isEqualTo("incentive");
        assertThat(list.get(0).path("locale").asText()).isEqualTo("es");
        assertThat(Instant.parse(list.get(0).path("updatedAt").asText())).isEqualTo(firstSave);

        JsonNode replaced = api.as(TestTokens.bearer(Roles.ADMIN))
                .save(
                        campaign,
                        "incentive",
                        "es",
                        IncentiveTemplates.spanish(
                                "Tu código, {name}", IncentiveTemplates.HTML_ES, IncentiveTemplates.TEXT_ES));
        assertThat(Instant.parse(replaced.path("updatedAt").asText())).isAfter(firstSave);
        assertThat(TemplateApi.ok(api.get(campaign, "incentive", "es"))
                        .path("subject")
                        .asText())
                .isEqualTo("Tu código, {name}");

        assertThat(api.delete(campaign, "incentive", "es").statusCode()).isEqualTo(204);
        assertThat(api.get(campaign, "incentive", "es").statusCode()).isEqualTo(404);
        assertThat(api.delete(campaign, "incentive", "es").statusCode()).isEqualTo(404);
        assertThat(TemplateApi.ok(api.list(campaign)).isEmpty()).isTrue();
    }

    @Test
    void overridesAreKeptPerCampaignAndLanguage() {
        TemplateApi api = TemplateApi.asMarketer(campaigns);
        String campaign = freshCampaign();

        api.save(campaign, "incentive", "es", IncentiveTemplates.spanish());

        assertThat(api.get(campaign, "incentive", "en").statusCode()).isEqualTo(404);
        assertThat(api.get(freshCampaign(), "incentive", "es").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutATokenTheApiAnswers401AndWithAnotherRole403() {
        TemplateApi anonymous = TemplateApi.asMarketer(campaigns).as(null);
        TemplateApi shop = TemplateApi.asMarketer(campaigns).as(TestTokens.bearer(Roles.SHOP));
        String campaign = freshCampaign();

        for (TemplateApi api : new TemplateApi[] {anonymous, shop}) {
            int expected = api == anonymous ? 401 : 403;
            assertProblem(api.list(campaign), expected);
            assertProblem(api.get(campaign, "incentive", "es"), expected);
            assertProblem(api.put(campaign, "incentive", "es", IncentiveTemplates.spanish()), expected);
            assertProblem(api.delete(campaign, "incentive", "es"), expected);
            assertProblem(api.preview(campaign, "incentive", "es", null), expected);
        }
        assertThat(TemplateApi.ok(TemplateApi.asMarketer(campaigns).list(campaign))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void unknownTemplateOrLanguageIs404() {
        TemplateApi api = TemplateApi.asMarketer(campaigns);
        String campaign = freshCampaign();

        assertProblem(api.put(campaign, "newsletter", "es", IncentiveTemplates.spanish()), 404);
        assertProblem(api.get(campaign, "newsletter", "es"), 404);
        assertProblem(api.preview(campaign, "newsletter", "es", null), 404);
        assertProblem(api.put(campaign, "incentive", "fr", IncentiveTemplates.spanish()), 404);
        assertProblem(api.preview(campaign, "incentive", "es-ES", null), 404);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
