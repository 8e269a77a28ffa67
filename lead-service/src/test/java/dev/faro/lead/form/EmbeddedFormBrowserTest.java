package dev.faro.lead.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.Topics;
import dev.faro.contract.events.Utm;
import dev.faro.contract.events.VisitRecorded;
import dev.faro.lead.capture.LeadRows;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.HeadlessChromium;
import dev.faro.local.testing.PrometheusText;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo landing page and faro.js in a real headless Chromium, against the running lead-service with its real
 * PostgreSQL and Kafka: what a visitor sees, and what arrives.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class EmbeddedFormBrowserTest {

    /** Not the demo campaign's Europe/Madrid, so a stored zone can only have come from the browser. */
    static final String VISITOR_ZONE = "America/Bogota";

    private static HeadlessChromium chromium;

    @TestHTTPResource("/demo/")
    URI demoPage;

    /** A test page (src/test/resources) whose form carries a campaign's custom fields. */
    @TestHTTPResource("/test-pages/custom-fields.html")
    URI customFieldsPage;

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    private DemoPage page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(VISITOR_ZONE);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void newPage() {
        page = new DemoPage(chromium.driver());
    }

    @Test
    void submittedFormStoresTheLeadWithItsUtmParametersTimeZoneAndConsentText() throws Exception {
        String campaign = "otono-" + UUID.randomUUID();
        String email = uniqueEmail();
        page.open(withQuery(
                demoPage,
                "utm_source=newsletter&utm_medium=email&utm_campaign=" + campaign
                        + "&utm_term=redes&utm_content=bot%C3%B3n%20rojo"));
        String visitorId = page.visitorId();

        String answer = page.type("name", "Lucía")
                .type("email", email)
                .agreeToMarketingEmail()
                .submit();

        assertThat(answer).isEqualTo("success");
        assertThat(page.status().getText()).startsWith("¡Gracias!");
        assertThat(page.input("email").getAttribute("value"))
                .as("the form is cleared")
                .isEmpty();
        Map<String, Object> lead = rows.lead(email);
        assertThat(lead)
                .containsEntry("campaign_id", "demo")
                .containsEntry("name", "Lucía")
                .containsEntry("utm_source", "newsletter")
                .containsEntry("utm_medium", "email")
                .containsEntry("utm_campaign", campaign)
                .containsEntry("utm_term", "redes")
                .containsEntry("utm_content", "botón rojo")
                .containsEntry("time_zone", VISITOR_ZONE)
                .containsEntry("locale", "es")
                .containsEntry("landing_page", "redes-sociales")
                .containsEntry("variant", "a")
                .containsEntry("visitor_id", visitorId)
                .containsEntry("marketing_consent", true);
        assertThat(page.browserTimeZone()).isEqualTo(VISITOR_ZONE);
        List<Map<String, Object>> consent = rows.consentRecords(rows.leadId(email));
        assertThat(consent).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("granted", true)
                .containsEntry("text_version", "sha256:" + sha256Hex(page.consentText())));
    }

    @Test
    void markupInTheAddressBarAndInTheFormIsSentAsTextAndNeverRunsOnThePage() {
        String email = uniqueEmail();
        String name = "<img src=x onerror=\"window.faroXss='name'\">";
        page.open(withQuery(
                demoPage,
                "utm_source=%3Cscript%3Ewindow.faroXss%3D'utm'%3C%2Fscript%3E"
                        + "&utm_term=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.faroXss%3D1%3E"
                        + "&utm_content=javascript%3Awindow.faroXss%3D1"));

        String answer = page.type("name", name)
                .type("email", email)
                .agreeToMarketingEmail()
                .submit();

        assertThat(answer).isEqualTo("success");
        assertThat(page.script("return typeof window.faroXss")).isEqualTo("undefined");
        assertThat(page.driver().findElements(By.cssSelector("img[src='x'], body script:not([src])")))
                .as("elements made from the markup")
                .isEmpty();
        assertThat(rows.lead(email))
                .containsEntry("name", name)
                .containsEntry("utm_source", "<script>window.faroXss='utm'</script>")
                .containsEntry("utm_term", "\"><img src=x onerror=window.faroXss=1>")
                .containsEntry("utm_content", "javascript:window.faroXss=1");
    }

    @Test
    void customFieldsNamedInTheMarkupAreSentAndTheirErrorsShownNextToThem() throws Exception {
        campaignWithCustomFields("campos-navegador");
        String email = uniqueEmail();
        page.open(customFieldsPage);

        String refused = page.type("email", email).type("empleados", "muchos").submit();

        assertThat(refused).isEqualTo("invalid");
        assertThat(page.errorOf("empleados").getText()).isEqualTo("must be a number");
        assertThat(rows.countLeads(email)).isZero();

        page.type("empleados", "42");
        page.input("clienta").click();
        String accepted = page.submit();

        assertThat(accepted).isEqualTo("success");
        assertThat(rows.lead(email).get("custom_fields").toString())
                .contains("\"empleados\": 42")
                .contains("\"clienta\": true");
    }

    private static void campaignWithCustomFields(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Campos en el navegador");
        body.put("locale", "es");
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", false);
        body.put(
                "customFields",
                List.of(
                        Map.of("name", "empleados", "type", "number", "required", true),
                        Map.of("name", "clienta", "type", "boolean", "required", false)));
        int status = given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .statusCode();
        assertThat(status).as("creating campaign " + id).isIn(201, 409);
    }

    @Test
    void pageViewSendsTheVisitBeaconToKafka() {
        visitProducerIsReady();
        String campaign = "visita-" + UUID.randomUUID();

        page.open(withQuery(demoPage, "utm_source=instagram&utm_medium=social&utm_campaign=" + campaign));
        String visitorId = page.visitorId();

        assertThat(visitorId).matches("[A-Za-z0-9_-]{1,64}");
        await("the page's visit on " + Topics.VISITS.name())
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(new TestKafka(kafkaBootstrap)
                                .records(Topics.VISITS.name(), r -> visitorId.equals(r.key())).stream()
                                        .map(r -> EventCodec.instance()
                                                .data(EventCodec.instance().decode(r.value()), VisitRecorded.class)))
                        .contains(new VisitRecorded(
                                visitorId,
                                "demo",
                                "redes-sociales",
                                "a",
                                new Utm("instagram", "social", campaign, null, null),
                                null)));
    }

    @Test
    void fieldRefusedByTheServerShowsItsErrorNextToTheField() throws Exception {
        // A browser would refuse it without novalidate; the server refuses it anyway.
        String email = "ana." + UUID.randomUUID() + "@example";
        page.open(demoPage);

        String answer = page.type("email", email).submit();

        assertThat(answer).isEqualTo("invalid");
        assertThat(page.status().getText()).isEqualTo("Revisa los campos marcados.");
        WebElement input = page.input("email");
        WebElement error = page.errorOf("email");
        assertThat(error.getText())
                .isEqualTo(input.getAttribute("data-faro-message"))
                .isNotBlank();
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.script("return arguments[0].parentElement === arguments[1].parentElement", input, error))
                .as("the error sits in the field's own container, next to the input")
                .isEqualTo(true);
        assertThat(page.script("return document.activeElement.id")).isEqualTo("email");
        assertThat(rows.countLeads(email)).isZero();
        Axe.assertNoViolations(page.driver(), "with the email error shown");
    }

    @Test
    void pageFitsAPhoneScreenWithoutHorizontalScrolling() {
        page.open(demoPage);

        long viewport = (Long) page.script("return window.innerWidth");
        long content = (Long) page.script("return document.documentElement.scrollWidth");

        assertThat(content)
                .as("document.documentElement.scrollWidth on a %d px wide phone", HeadlessChromium.WIDTH)
                .isLessThanOrEqualTo(HeadlessChromium.WIDTH)
                .isLessThanOrEqualTo(viewport);
        // A phone widens its layout viewport to fit content that overflows; it must not have had to.
        assertThat(viewport).as("window.innerWidth").isEqualTo(HeadlessChromium.WIDTH);
    }

    @Test
    void pageHasNoAccessibilityViolations() throws Exception {
        page.open(demoPage);

        Axe.assertNoViolations(page.driver(), "on the page as loaded");
    }

    @Test
    void honeypotIsOutOfReachOfPeopleAndAssistiveTechnology() {
        page.open(demoPage);

        WebElement honeypot = page.driver().findElement(By.name("website"));

        assertThat(honeypot.getAttribute("tabindex")).isEqualTo("-1");
        assertThat(honeypot.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(page.script("return arguments[0].closest('[aria-hidden=\"true\"]') !== null", honeypot))
                .isEqualTo(true);
        assertThat((Number) page.script("return arguments[0].getBoundingClientRect().right", honeypot))
                .as("right edge, off-screen to the left")
                .satisfies(right -> assertThat(right.doubleValue()).isNegative());
    }

    /**
     * Visits reaching the producer before it has asked Kafka for the topic's partitions are dropped by design; a
     * real first visitor comes long after start-up, a test right after it.
     */
    private static void visitProducerIsReady() {
        await("the visit producer publishes")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    given().contentType(ContentType.JSON)
                            .body("{\"visitorId\":\"warm-up\",\"campaign\":\"demo\"}")
                            .post("/api/visits")
                            .then()
                            .statusCode(202);
                    String metrics = given().get("/q/metrics").then().extract().asString();
                    return PrometheusText.value(metrics, "faro_visits_published_total")
                                    .orElse(0)
                            > 0;
                });
    }

    static URI withQuery(URI page, String query) {
        return URI.create(page + "?" + query);
    }

    static String uniqueEmail() {
        return "lucia." + UUID.randomUUID() + "@example.org";
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
