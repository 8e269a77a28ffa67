package dev.faro.email.template;

import static dev.faro.email.template.IncentiveTemplates.HTML_ES;
import static dev.faro.email.template.IncentiveTemplates.TEXT_ES;
import static dev.faro.email.template.IncentiveTemplates.freshCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class TemplatePreviewTest {

    private static final String SAMPLE_CODE = "FARO-7Q2K-X9M4";
    private static final String POSTAL_ADDRESS = "Faro · Calle Mayor 1 · 28013 Madrid · España";

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Test
    void aDraftIsRenderedForBegonaWithSampleDataAndTheSampleFooterButNotSaved() {
        String campaign = freshCampaign();

        JsonNode preview = TemplateApi.ok(api().preview(campaign, "incentive", "es", IncentiveTemplates.spanish()));

        assertThat(preview.path("source").asText()).isEqualTo("draft");
        assertThat(preview.path("subject").asText()).isEqualTo("¿Lista, Begoña? Tu código de campaña está aquí");
        assertThat(preview.path("html").asText())
                .contains("¡Hola, Begoña! Tu código: <strong>" + SAMPLE_CODE + "</strong>")
                .contains("/api/unsubscribe/")
                .contains(POSTAL_ADDRESS);
        assertThat(preview.path("text").asText()).contains("¡Hola, Begoña! Tu código: " + SAMPLE_CODE);
        assertThat(api().get(campaign, "incentive", "es").statusCode()).isEqualTo(404);
    }

    @Test
    void withAnEmptyBodyTheStoredOverrideIsRendered() {
        String campaign = freshCampaign();
        api().save(campaign, "incentive", "es", IncentiveTemplates.spanish());

        JsonNode preview = TemplateApi.ok(api().preview(campaign, "incentive", "es", null));

        assertThat(preview.path("source").asText()).isEqualTo("override");
        assertThat(preview.path("subject").asText()).isEqualTo("¿Lista, Begoña? Tu código de campaña está aquí");
        assertThat(preview.path("text").asText()).contains("¡Hola, Begoña! Tu código: " + SAMPLE_CODE);
    }

    @Test
    void withoutAnOverrideTheBuiltInTemplateIsRenderedInTheRequestedLanguage() {
        String campaign = freshCampaign();
        api().save(campaign, "incentive", "es", IncentiveTemplates.spanish());

        JsonNode english = TemplateApi.ok(api().preview(campaign, "incentive", "en", null));

        assertThat(english.path("source").asText()).isEqualTo("built-in");
        assertThat(english.path("subject").asText()).isEqualTo("Your 10% discount code and your ebook");
        assertThat(english.path("html").asText()).contains("Hi Begoña,").contains(SAMPLE_CODE);
        assertThat(english.path("text").asText()).contains("To unsubscribe: ").contains(POSTAL_ADDRESS);
    }

    @Test
    void builtInTransactionalTemplatesPreviewWithoutAFooter() {
        JsonNode preview = TemplateApi.ok(api().preview(freshCampaign(), "erasure-link", "es", null));

        assertThat(preview.path("source").asText()).isEqualTo("built-in");
        assertThat(preview.path("subject").asText()).isEqualTo("Confirma que quieres borrar tus datos");
        assertThat(preview.path("text").asText())
                .contains("https://faro.example.org/link?token=sample")
                .doesNotContain(POSTAL_ADDRESS);
    }

    @Test
    void valuesInAPreviewAreHtmlEscapedInTheHtmlOnly() {
        String hostile = "\"><img src=x onerror=alert(1)>";
        String html = HTML_ES + "{#let shown='" + hostile + "'}<p title=\"{shown}\">{shown}</p>{/let}";
        String text = TEXT_ES + "{#let shown='" + hostile + "'}{shown}{/let}";

        JsonNode preview = TemplateApi.ok(api().preview(
                        freshCampaign(), "incentive", "es", IncentiveTemplates.spanish("{name} <b>", html, text)));

        assertThat(preview.path("html").asText())
                .contains("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">")
                .doesNotContain("<img");
        assertThat(preview.path("text").asText()).contains(hostile);
        assertThat(preview.path("subject").asText()).isEqualTo("Begoña <b>");
    }

    @Test
    void aCampaignsOwnNurtureTemplateIsPreviewedFromADraftButHasNoBuiltInWording() {
        String campaign = freshCampaign();
        String html = "<p>{name}, {nurture.step}</p><p>{footer.unsubscribeUrl} {footer.postalAddress}</p>";
        String text = "{name}\n{footer.unsubscribeUrl}\n{footer.postalAddress}";

        JsonNode preview = TemplateApi.ok(
                api().preview(campaign, "nurture-welcome", "en", TemplateApi.content("Welcome, {name}", html, text)));

        assertThat(preview.path("subject").asText()).isEqualTo("Welcome, Begoña");
        assertThat(api().preview(campaign, "nurture-welcome", "en", null).statusCode())
                .isEqualTo(404);
    }

    private TemplateApi api() {
        return TemplateApi.asMarketer(campaigns);
    }
}
