package dev.faro.email.template;

import static dev.faro.email.template.IncentiveTemplates.HTML_ES;
import static dev.faro.email.template.IncentiveTemplates.SUBJECT_ES;
import static dev.faro.email.template.IncentiveTemplates.TEXT_ES;
import static dev.faro.email.template.IncentiveTemplates.freshCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class TemplateValidationTest {

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Test
    void aSyntaxErrorIsReportedWithQutesMessageAndLine() {
        String html = HTML_ES + "<p>{#if name}Hola{/for}</p>\n";

        List<Map.Entry<String, String>> errors = rejectedIncentive(SUBJECT_ES, html, TEXT_ES);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getKey()).isEqualTo("html");
        assertThat(errors.get(0).getValue())
                .startsWith("line 3: ")
                .contains("section end tag [for] does not match the start tag [if]")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aMisspelledValueIsNamedWithTheValuesAvailable() {
        List<Map.Entry<String, String>> errors = rejectedIncentive("Hola, {nmae}", HTML_ES, TEXT_ES);

        assertThat(errors)
                .containsExactly(
                        Map.entry("subject", "line 1: unknown value nmae; available: name, footer, incentive"));
    }

    @Test
    void everyPartAtFaultIsReportedAtOnce() {
        List<Map.Entry<String, String>> errors = rejectedIncentive(" ", HTML_ES + "{cupon}", "{#if}");

        assertThat(errors).extracting(Map.Entry::getKey).containsExactly("subject", "html", "text");
        assertThat(errors.get(0).getValue()).isEqualTo("must not be empty");
        assertThat(errors.get(1).getValue()).contains("unknown value cupon");
    }

    @Test
    void theSubjectIsOneLineOfAtMost200Characters() {
        assertThat(rejectedIncentive("Hola\r\nBcc: everyone@example.org", HTML_ES, TEXT_ES))
                .containsExactly(Map.entry("subject", "must be one line"));
        assertThat(rejectedIncentive("a".repeat(201), HTML_ES, TEXT_ES))
                .containsExactly(Map.entry("subject", "must be at most 200 characters"));
        TemplateApi.ok(api().put(
                        freshCampaign(),
                        "incentive",
                        "es",
                        IncentiveTemplates.spanish("a".repeat(200), HTML_ES, TEXT_ES)));
    }

    @Test
    void theHtmlIsAtMost100KbAndTheTextAtMost50Kb() {
        String bigHtml = HTML_ES + "ñ".repeat(50 * 1024);
        String bigText = TEXT_ES + "x".repeat(50 * 1024);

        assertThat(rejectedIncentive(SUBJECT_ES, bigHtml, bigText))
                .containsExactly(
                        Map.entry("html", "must be at most 100 KB (UTF-8)"),
                        Map.entry("text", "must be at most 50 KB (UTF-8)"));
    }

    @Test
    void mailWithAnUnsubscribeLinkMustShowTheFooterInBothBodies() {
        String htmlWithoutLink = "<p>Hola {name}</p><p>{footer.postalAddress}</p>";
        String textWithoutFooter = "Hola {name}";

        List<Map.Entry<String, String>> errors = rejectedIncentive(SUBJECT_ES, htmlWithoutLink, textWithoutFooter);

        assertThat(errors)
                .containsExactly(
                        Map.entry(
                                "html",
                                "must show {footer.unsubscribeUrl}: mail of this kind carries the unsubscribe footer"),
                        Map.entry(
                                "text",
                                "must show {footer.unsubscribeUrl}: mail of this kind carries the unsubscribe footer"),
                        Map.entry(
                                "text",
                                "must show {footer.postalAddress}: mail of this kind carries the unsubscribe footer"));
    }

    @Test
    void aFooterHiddenBehindAConditionIsRefused() {
        String hidden = "<p>{name}</p>{#if name == 'nobody'}{footer.unsubscribeUrl} {footer.postalAddress}{/if}";

        assertThat(rejectedIncentive(SUBJECT_ES, hidden, TEXT_ES))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.getKey()).isEqualTo("html");
                    assertThat(error.getValue()).contains("in every case");
                });
    }

    @Test
    void transactionalMailNeedsNoFooterAndSeesItsOwnValues() {
        TemplateApi.ok(api().put(
                        freshCampaign(),
                        "confirmation",
                        "en",
                        TemplateApi.content(
                                "Confirm, {name}", "<a href=\"{url}\">Confirm</a> by {expiresOn}", "{url}")));

        assertThat(TemplateApi.invalidFields(api().put(
                                freshCampaign(),
                                "confirmation",
                                "en",
                                TemplateApi.content(
                                        "Confirm", "<a href=\"{url}\">Confirm</a> {footer.unsubscribeUrl}", "{url}"))))
                .containsExactly(Map.entry("html", "line 1: unknown value footer; available: name, expiresOn, url"));
    }

    @Test
    void aValueTheSampleDataCannotResolveIsARenderingError() {
        List<Map.Entry<String, String>> errors = rejectedIncentive(SUBJECT_ES, HTML_ES + "{incentive.cupon}", TEXT_ES);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getKey()).isEqualTo("html");
            assertThat(error.getValue())
                    .startsWith("cannot be rendered with the sample data: ")
                    .contains("cupon");
        });
    }

    @Test
    void namespacesIncludesEvalAndUnescapedOutputAreRefused() {
        String html = HTML_ES + "{config:quarkus.datasource.password} {#eval name /} {name.raw}";
        String text = TEXT_ES + "{#include IncentiveEmail/es /}";

        List<Map.Entry<String, String>> errors = rejectedIncentive(SUBJECT_ES, html, text);

        assertThat(errors).extracting(Map.Entry::getKey).containsExactly("html", "html", "html", "text");
        assertThat(errors.get(0).getValue()).contains("{#eval}").contains("not allowed");
        assertThat(errors.get(1).getValue())
                .contains("{config:quarkus.datasource.password}")
                .contains("namespaces");
        assertThat(errors.get(2).getValue()).contains("{name.raw}").contains("unescaped");
        assertThat(errors.get(3).getValue()).contains("{#include}");
    }

    @Test
    void namesDefinedWithLetAreKnown() {
        String html = HTML_ES + "{#let greeting='Hola'}{greeting} {name}{/let}";

        TemplateApi.ok(
                api().put(freshCampaign(), "incentive", "es", IncentiveTemplates.spanish(SUBJECT_ES, html, TEXT_ES)));
    }

    @Test
    void anInvalidDraftCannotBePreviewedEither() {
        HttpResponse<String> preview = api().preview(
                        freshCampaign(), "incentive", "es", IncentiveTemplates.spanish("{nmae}", HTML_ES, TEXT_ES));

        assertThat(TemplateApi.invalidFields(preview))
                .extracting(Map.Entry::getKey)
                .containsExactly("subject");
    }

    @Test
    void nothingIsSavedWhenTheTemplateIsRefused() {
        String campaign = freshCampaign();

        TemplateApi.invalidFields(
                api().put(campaign, "incentive", "es", IncentiveTemplates.spanish("{nmae}", HTML_ES, TEXT_ES)));

        assertThat(api().get(campaign, "incentive", "es").statusCode()).isEqualTo(404);
    }

    private List<Map.Entry<String, String>> rejectedIncentive(String subject, String html, String text) {
        return TemplateApi.invalidFields(
                api().put(freshCampaign(), "incentive", "es", TemplateApi.content(subject, html, text)));
    }

    private TemplateApi api() {
        return TemplateApi.asMarketer(campaigns);
    }
}
