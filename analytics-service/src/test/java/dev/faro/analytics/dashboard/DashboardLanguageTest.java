package dev.faro.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.HeadlessChromium;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in English as well as Spanish, in a real headless Chromium whose own language is Spanish, against
 * the running analytics-service: the same seeded campaign whose Spanish figures {@link DashboardBrowserTest} checks.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class DashboardLanguageTest {

    private static final String MESSAGES = "/dashboard/messages.js";
    private static final String LANGUAGE = "/dashboard/language.js";

    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URI dashboard;

    private DashboardPage page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start("Europe/Madrid");
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void newPage() {
        page = new DashboardPage(chromium.driver());
    }

    @Test
    void englishDashboardShowsEnglishLabelsAndEnglishFiguresOfTheCampaign() throws Exception {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.open(dashboard.resolve("/?lang=en"));

        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");

        assertThat(page.language()).isEqualTo("en");
        assertThat(page.title()).isEqualTo("Faro · Campaign dashboard");
        assertThat(page.texts(".figures dt"))
                .containsExactly(
                        "Visitors",
                        "Leads",
                        "Conversion",
                        "Cost per lead",
                        "Spend",
                        "Revenue",
                        "ROI",
                        "Lead → customer");
        assertThat(page.text("campaign-title")).isEqualTo("Campaign " + campaign);
        // The figures DashboardBrowserTest reads as 4000, 6,50 %, 0,46 €…, written the English way.
        assertThat(page.text("figure-visitors")).isEqualTo("4,000");
        assertThat(page.text("figure-leads")).isEqualTo("260");
        assertThat(page.text("figure-conversion")).isEqualTo("6.50%");
        assertThat(page.text("figure-cost-per-lead")).isEqualTo("€0.46");
        assertThat(page.text("figure-spend")).isEqualTo("€120.00");
        assertThat(page.text("figure-revenue")).isEqualTo("€300.00");
        assertThat(page.text("figure-roi")).isEqualTo("150%");
        assertThat(page.text("figure-lead-to-customer")).isEqualTo("3.85%");
        assertThat(page.text("goal-summary")).isEqualTo("On track: 260 of 520 leads (50.0%)");
        assertThat(page.text("goal-detail"))
                .startsWith("Deadline: ")
                .contains(" days left).")
                .endsWith("Days in UTC.");
        assertThat(page.text("ab-verdict")).matches("Winner: variant b \\(decided on \\d{1,2} [A-Z][a-z]+ \\d{4}\\)");
        assertThat(page.texts("#ab-table caption")).containsExactly("Conversion per variant, with its 95% interval");
        assertThat(page.texts("#ab-table thead th"))
                .containsExactly("Variant", "Visitors", "Leads", "Conversion (95% interval)");
        assertThat(page.text("ab-table"))
                .contains("a (control) 2,000 100 5.00% (4.13 – 6.04%)")
                .contains("b 2,000 160 8.00% (6.89 – 9.27%)");
        assertThat(page.text("ab-comparisons"))
                .isEqualTo("b vs a: +3.00 points (interval 0.64 to 5.36), p = 0.0043: better than the control");
        assertThat(page.text("status")).startsWith("Updated at ");
        assertThat(page.attribute("#funnel-chart svg", "aria-label"))
                .isEqualTo("Funnel. Visitors: 4,000, Leads: 260, Confirmed: 200, Incentives: 200, Emails sent: 190,"
                        + " Redeemed: 10");
        assertThat(page.attribute("#trend-chart svg", "aria-label"))
                .startsWith("Leads per day from ")
                .endsWith("cumulative 260");
        assertThat(page.attribute("#goal-chart svg", "aria-label")).isEqualTo("260 of 520 leads (50.0%)");
        assertThat(page.attribute("#ab-chart svg", "aria-label")).isEqualTo("Conversion per variant: a 5.00%, b 8.00%");
        assertThat(page.text("report"))
                .as("the report holds no Spanish text")
                .doesNotContain(
                        "Campaña",
                        "Visitantes",
                        "Conversión",
                        "Embudo",
                        "Objetivo",
                        "Ganadora",
                        "frente a",
                        "acumulado",
                        "Acumulado",
                        "objetivo",
                        " de ");

        Path screenshot = page.screenshot("dashboard-375px-en.png");
        assertThat(Files.size(screenshot)).as("screenshot " + screenshot).isPositive();
    }

    @Test
    void englishDashboardFitsAPhoneScreenWithoutHorizontalScrolling() {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.open(dashboard.resolve("/?lang=en"));
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");

        long content = (Long) page.script("return document.documentElement.scrollWidth");

        assertThat(content)
                .as("document.documentElement.scrollWidth on a %d px wide phone", HeadlessChromium.WIDTH)
                .isLessThanOrEqualTo(HeadlessChromium.WIDTH);
    }

    @Test
    void switchRewritesTheShownReportInEnglishWithoutLoadingItAgain() {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.open(dashboard);
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");
        assertThat(page.language()).as("a Spanish browser's first language").isEqualTo("es");
        assertThat(page.text("figure-conversion")).isEqualTo("6,50 %");
        long requestsBefore = page.apiRequests();

        page.switchLanguage("en");

        assertThat(page.text("figure-conversion")).isEqualTo("6.50%");
        assertThat(page.text("figure-visitors")).isEqualTo("4,000");
        assertThat(page.text("goal-summary")).isEqualTo("On track: 260 of 520 leads (50.0%)");
        assertThat(page.text("ab-comparisons")).startsWith("b vs a: +3.00 points");
        assertThat(page.text("status")).startsWith("Updated at ");
        assertThat(page.attribute("#trend-chart svg", "aria-label")).endsWith("cumulative 260");
        assertThat(page.title()).isEqualTo("Faro · Campaign dashboard");
        assertThat(page.attribute("button[data-language='en']", "aria-pressed")).isEqualTo("true");
        assertThat(page.attribute("button[data-language='es']", "aria-pressed")).isEqualTo("false");
        assertThat(page.apiRequests()).as("API requests after the switch").isEqualTo(requestsBefore);
        assertThat(page.state()).isEqualTo("loaded");
    }

    @Test
    void chosenLanguageIsKeptAfterAReload() {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.open(dashboard);
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");
        page.switchLanguage("en");

        page.reload();

        page.awaitState("loaded");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.text("campaign-name")).isEqualTo(campaign);
        assertThat(page.text("figure-conversion")).isEqualTo("6.50%");
        assertThat(page.text("goal-summary")).isEqualTo("On track: 260 of 520 leads (50.0%)");
    }

    @Test
    void languageInTheAddressWinsOverTheChoiceMadeBefore() {
        page.open(dashboard);
        page.switchLanguage("en");

        page.visit(dashboard.resolve("/?lang=es"));

        page.awaitState("signed-out");
        assertThat(page.language()).isEqualTo("es");
        assertThat(page.text("sign-in-title")).isEqualTo("Iniciar sesión");
        assertThat(page.title()).isEqualTo("Faro · Panel de campañas");
    }

    @Test
    void switchOnAnAddressNamingALanguageHoldsAfterAReload() {
        page.open(dashboard.resolve("/?lang=es"));

        page.switchLanguage("en");
        page.reload();

        page.awaitState("signed-out");
        assertThat(page.address()).endsWith("/?lang=en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.text("sign-in-title")).isEqualTo("Sign in");
    }

    @Test
    void signInErrorFollowsTheLanguageSwitch() {
        page.open(dashboard.resolve("/?lang=en"));
        page.signIn(TestTokens.expiredToken(Roles.MARKETER));

        assertThat(page.show("demo")).isEqualTo("signed-out-error");
        assertThat(page.text("sign-in-error"))
                .isEqualTo("The token is not valid or has expired. Paste a new one to go on.");

        page.switchLanguage("es");

        assertThat(page.text("sign-in-error"))
                .isEqualTo("El token no es válido o ha caducado. Pega uno nuevo para seguir.");
    }

    @Test
    void browserLanguagesDecideOnlyWhenNeitherTheAddressNorAnEarlierChoiceDo() {
        page.open(dashboard);

        assertThat(choose("'en'", "'es'", "['es-ES']"))
                .as("address over choice and browser")
                .isEqualTo("en");
        assertThat(choose("'fr'", "'es'", "['en-GB']"))
                .as("unknown address language ignored")
                .isEqualTo("es");
        assertThat(choose("null", "'en'", "['es-ES']"))
                .as("earlier choice over browser")
                .isEqualTo("en");
        assertThat(choose("null", "null", "['de-DE', 'es-MX', 'en']"))
                .as("first browser language spoken")
                .isEqualTo("es");
        assertThat(choose("null", "null", "['de-DE', 'fr']"))
                .as("nothing spoken: English")
                .isEqualTo("en");
    }

    @Test
    void bothLanguagesHaveTextsUnderExactlyTheSameKeys() {
        page.open(dashboard);

        Map<String, String> spanish = messageKinds("es");
        Map<String, String> english = messageKinds("en");

        assertThat(spanish).isNotEmpty();
        assertThat(english.keySet())
                .as("English keys against Spanish ones")
                .containsExactlyInAnyOrderElementsOf(spanish.keySet());
        assertThat(english).as("plain text or text with values, per key").isEqualTo(spanish);
    }

    @Test
    void everyStaticTextOfThePageHasAMessage() {
        page.open(dashboard);

        List<String> keys = castList(page.script(
                "return [...document.querySelectorAll('[data-i18n]')].map((element) => element.dataset.i18n)"
                        + ".concat([...document.querySelectorAll('[data-i18n-label]')]"
                        + ".map((element) => element.dataset.i18nLabel))"));

        assertThat(keys).isNotEmpty();
        assertThat(messageKinds("es").keySet()).containsAll(keys);
        assertThat(messageKinds("en").keySet()).containsAll(keys);
    }

    private String choose(String requested, String remembered, String preferred) {
        return String.valueOf(page.fromModule(
                LANGUAGE,
                "module.chooseLanguage({ requested: " + requested + ", remembered: " + remembered + ", preferred: "
                        + preferred + " })"));
    }

    /** Each key of a language's texts with its kind: "string", or "function" for a text that takes values. */
    @SuppressWarnings("unchecked")
    private Map<String, String> messageKinds(String language) {
        Object kinds = page.fromModule(
                MESSAGES,
                "Object.fromEntries(Object.entries(module.LANGUAGES['" + language
                        + "'].messages).map(([key, text]) => [key, typeof text]))");
        assertThat(kinds).as("the %s texts of %s", language, MESSAGES).isInstanceOf(Map.class);
        return (Map<String, String>) kinds;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
