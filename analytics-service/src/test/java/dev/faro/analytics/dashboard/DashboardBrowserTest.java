package dev.faro.analytics.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.analytics.abtest.SeededCampaign;
import dev.faro.analytics.funnel.TimedEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.HeadlessChromium;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The marketers' dashboard in a real headless Chromium on a phone-sized screen, against the running
 * analytics-service with its real PostgreSQL and Kafka: what a marketer sees for a campaign with known figures.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class DashboardBrowserTest {

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
        page = new DashboardPage(chromium.driver()).open(dashboard);
    }

    @Test
    void signedInMarketerSeesTheCampaignFiguresComputedFromTheFunnel() throws Exception {
        String campaign = DashboardCampaign.seedKnownCampaign();

        page.signIn(TestTokens.bearer(Roles.MARKETER));
        String state = page.show(campaign);

        assertThat(state).isEqualTo("loaded");
        // Two days × (a: 1000 visitors / 50 leads, b: 1000 / 80) = 4000 visitors, 260 leads.
        assertThat(page.text("figure-visitors")).isEqualTo("4000");
        assertThat(page.text("figure-leads")).isEqualTo("260");
        // 260 / 4000 × 100 = 6.5 %.
        assertThat(page.text("figure-conversion")).isEqualTo("6,50 %");
        // Spend 120.00 EUR on newsletter / 260 leads = 0.4615… → 0.46 €.
        assertThat(page.text("figure-cost-per-lead")).isEqualTo("0,46 €");
        // Revenue 2 × (60 + 90) = 300.00; (300 − 120) / 120 = 1.5 → 150 %.
        assertThat(page.text("figure-revenue")).isEqualTo("300,00 €");
        assertThat(page.text("figure-roi")).isEqualTo("150 %");
        // 10 redemptions / 260 leads × 100 = 3.846… → 3.85 %.
        assertThat(page.text("figure-lead-to-customer")).isEqualTo("3,85 %");
        // Target 520 leads: 260 / 520 = 50.0 %, with weeks left at about 87 leads a day.
        assertThat(page.text("goal-percent")).isEqualTo("50,0 %");
        assertThat(page.text("goal-summary")).isEqualTo("En camino: 260 de 520 leads (50,0 %)");
        // a 2000/100 against b 2000/160: the always-valid p reaches 0.0043 on the second day (see AbTestApiTest).
        assertThat(page.text("ab-verdict")).startsWith("Ganadora: variante b (decidido el ");
        assertThat(page.text("ab-table"))
                .contains("a (control) 2000 100 5,00 % (4,13 – 6,04 %)")
                .contains("b 2000 160 8,00 % (6,89 – 9,27 %)");
        assertThat(page.text("ab-comparisons"))
                .isEqualTo("b frente a a: +3,00 puntos (intervalo 0,64 a 5,36), p = 0,0043: mejor que el control");
        assertThat(page.script("return document.querySelector('#trend-chart svg').getAttribute('aria-label')"))
                .asString()
                .endsWith("acumulado 260");
        assertThat(page.script("return document.querySelectorAll('#funnel-chart svg rect.bar').length"))
                .as("one bar per funnel stage")
                .isEqualTo(6L);

        Path screenshot = page.screenshot("dashboard-375px.png");
        assertThat(Files.size(screenshot)).as("screenshot " + screenshot).isPositive();
    }

    @Test
    void namesFromLandingPageTrafficAreShownAsTextAndRunNoScript() {
        // What a visitor's link can set: a variant and UTM values. The variant is what the page shows (A/B test);
        // UTM values travel along and are counted, never drawn.
        String variant = "<img src=x onerror=xss=1>";
        String source = "<img src=x onerror=alert(1)>";
        String medium = "<script>xss=2</script>";
        String campaign = SeededCampaign.uniqueId();
        SeededCampaign.publish(
                campaign, Map.of("landingPages", List.of(Map.of("id", "inicio", "variants", List.of("a", "b")))));
        TimedEvents events = new TimedEvents(campaign);
        TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
        Instant now = Instant.now();
        UUID lead = UUID.randomUUID();
        kafka.publish("v1", events.visit(now, "v1", variant, source, medium));
        kafka.publish("v2", events.visit(now, "v2", "a", source, medium));
        kafka.publish(lead.toString(), events.captured(now, lead, variant, source, medium));
        await("the hostile variant counted for " + campaign)
                .atMost(Duration.ofSeconds(45))
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                        .get("/api/campaigns/{campaign}/ab", campaign)
                        .then()
                        .statusCode(200)
                        .body("variants.find { it.variant == '" + variant + "' }.leads", equalTo(1))
                        .body("variants.find { it.variant == 'a' }.visitors", equalTo(1)));

        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");

        assertThat(page.texts("#ab-table tbody th")).containsExactly("a (control)", "b", variant);
        assertThat(page.script("return Array.from(document.querySelectorAll('#ab-chart svg text'))"
                        + ".map((text) => text.textContent)"))
                .asList()
                .contains(variant);
        assertThat(page.text("ab-reason")).contains(variant + " has 1 visitors and 1 leads");
        assertThat(page.script("return document.querySelectorAll('img, iframe, object, embed').length"))
                .as("elements made from the names")
                .isEqualTo(0L);
        assertThat(page.script("return document.scripts.length"))
                .as("scripts: the dashboard's own module only")
                .isEqualTo(1L);
        assertThat(page.script("return typeof window.xss"))
                .as("what the names' handlers set")
                .isEqualTo("undefined");
        assertThat(page.title()).isEqualTo("Faro · Panel de campañas");
    }

    @Test
    void dashboardFitsAPhoneScreenWithoutHorizontalScrolling() {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");

        long viewport = (Long) page.script("return window.innerWidth");
        long content = (Long) page.script("return document.documentElement.scrollWidth");

        assertThat(content)
                .as("document.documentElement.scrollWidth on a %d px wide phone", HeadlessChromium.WIDTH)
                .isLessThanOrEqualTo(HeadlessChromium.WIDTH)
                .isLessThanOrEqualTo(viewport);
        assertThat(viewport).as("window.innerWidth").isEqualTo(HeadlessChromium.WIDTH);
    }

    @Test
    void lastCampaignIsRememberedAndShownAgainAfterSigningInAnew() {
        String campaign = DashboardCampaign.seedKnownCampaign();
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        assertThat(page.show(campaign)).isEqualTo("loaded");

        page.script("document.getElementById('sign-out').click()");
        page.awaitState("signed-out");
        page.signIn(TestTokens.bearer(Roles.MARKETER));

        page.awaitState("loaded");
        assertThat(page.text("campaign-name")).isEqualTo(campaign);
        assertThat(page.text("figure-leads")).isEqualTo("260");
    }

    @Test
    void expiredTokenSendsTheMarketerBackToSignInWithAClearMessage() {
        page.signIn(TestTokens.expiredToken(Roles.MARKETER));

        String state = page.show("demo");

        assertThat(state).isEqualTo("signed-out-error");
        assertThat(page.isShown("sign-in")).isTrue();
        assertThat(page.isShown("dashboard")).isFalse();
        assertThat(page.text("sign-in-error"))
                .isEqualTo("El token no es válido o ha caducado. Pega uno nuevo para seguir.");
        assertThat(page.script("return sessionStorage.length"))
                .as("the refused token is forgotten")
                .isEqualTo(0L);
    }

    @Test
    void tokenWithoutTheMarketerRoleSendsTheMarketerBackToSignIn() {
        page.signIn(TestTokens.bearer("shop"));

        String state = page.show("demo");

        assertThat(state).isEqualTo("signed-out-error");
        assertThat(page.text("sign-in-error")).contains("hace falta el rol de marketing");
    }

    @Test
    void unknownCampaignSaysSoAndKeepsTheMarketerSignedIn() {
        page.signIn(TestTokens.bearer(Roles.MARKETER));
        String campaign = SeededCampaign.uniqueId();

        String state = page.show(campaign);

        assertThat(state).isEqualTo("error");
        assertThat(page.text("status")).isEqualTo("No hay datos de la campaña «" + campaign + "». Revisa el id.");
        assertThat(page.isShown("report")).isFalse();
    }
}
