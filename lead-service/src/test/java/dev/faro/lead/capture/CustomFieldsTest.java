package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.capture;
import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.submit;
import static dev.faro.lead.capture.Forms.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.PersonalData;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom fields a campaign declares are checked against their types at capture, stored and published. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CustomFieldsTest {

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    private String campaign;

    @BeforeEach
    void campaignWithEveryKindOfField() {
        campaign = "campos-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", campaign);
        body.put("name", "Campos a medida");
        body.put("locale", "es");
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", false);
        body.put(
                "customFields",
                List.of(
                        field("interes", "text", true),
                        field("empleados", "number", false),
                        field("clienta", "boolean", false),
                        field("nacimiento", "date", false),
                        field("email-trabajo", "email", false),
                        field("movil", "phone", false)));
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
    }

    @Test
    void valuesOfEveryDeclaredTypeAreStoredNormalisedAndSealedInTheEvent() {
        Map<String, Object> form = form(Map.of(
                "interes", "  novela negra ",
                "empleados", "42",
                "clienta", "on",
                "nacimiento", "1990-02-28",
                "email-trabajo", "Ana@Empresa.example",
                "movil", "+34 612 345 678"));

        String leadId = capture(form);

        JsonNode stored = storedCustomFields(email(form));
        assertThat(stored.get("interes").asText()).isEqualTo("novela negra");
        assertThat(stored.get("empleados").decimalValue()).isEqualByComparingTo("42");
        assertThat(stored.get("clienta").asBoolean()).isTrue();
        assertThat(stored.get("nacimiento").asText()).isEqualTo("1990-02-28");
        assertThat(stored.get("email-trabajo").asText()).isEqualTo("ana@empresa.example");
        assertThat(stored.get("movil").asText()).isEqualTo("+34612345678");
        PersonalData personal = Forms.personal(kafka(), Forms.awaitSingleEvent(kafka(), leadId));
        assertThat(personal.customFields())
                .containsEntry("interes", "novela negra")
                .containsEntry("clienta", true)
                .containsEntry("movil", "+34612345678");
        assertThat(new BigDecimal(personal.customFields().get("empleados").toString()))
                .isEqualByComparingTo("42");
    }

    @Test
    void everyFieldAtFaultIsNamedInOneProblem() {
        Map<String, Object> form = form(Map.of(
                "empleados", "muchos",
                "clienta", "quizá",
                "nacimiento", "28/02/1990",
                "email-trabajo", "no-es-correo",
                "movil", "612",
                "color-favorito", "azul"));

        submit(form)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "customFields.interes",
                                "customFields.empleados",
                                "customFields.clienta",
                                "customFields.nacimiento",
                                "customFields.email-trabajo",
                                "customFields.movil",
                                "customFields.color-favorito"));
        assertThat(rows.countLeads(email(form))).isZero();
    }

    @Test
    void nestedValuesAndAbsurdNumbersAreRefused() {
        Forms.assertRejected(form(Map.of("interes", Map.of("a", 1))), "customFields.interes");
        Forms.assertRejected(form(Map.of("interes", "x", "empleados", "1e999999")), "customFields.empleados");
        Forms.assertRejected(form(Map.of("interes", "línea\nnueva")), "customFields.interes");
    }

    @Test
    void aCampaignWithoutCustomFieldsRefusesThem() {
        Forms.assertRejected(with(minimal(), "customFields", Map.of("interes", "novela")), "customFields.interes");
    }

    @Test
    void aBotFillingTheHoneypotGetsTheSameFieldErrorsAsAPerson() {
        Map<String, Object> form = form(Map.of("empleados", "muchos"));
        form.put("website", "http://spam.example");

        Forms.assertRejected(form, "customFields.interes");
    }

    @Test
    void aLaterSubmissionMergesItsValuesIntoTheStoredOnes() {
        Map<String, Object> first = form(Map.of("interes", "novela", "empleados", 10));
        capture(first);
        Map<String, Object> second = form(Map.of("interes", "ensayo"));
        second.put("email", email(first));

        capture(second);

        JsonNode stored = storedCustomFields(email(first));
        assertThat(stored.get("interes").asText()).isEqualTo("ensayo");
        assertThat(stored.get("empleados").intValue()).isEqualTo(10);
    }

    private Map<String, Object> form(Map<String, Object> customFields) {
        Map<String, Object> form = minimal();
        form.put("campaign", campaign);
        form.put("customFields", new LinkedHashMap<>(customFields));
        return form;
    }

    private JsonNode storedCustomFields(String email) {
        try {
            return new ObjectMapper()
                    .readTree(rows.lead(email).get("custom_fields").toString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> field(String name, String type, boolean required) {
        return Map.of("name", name, "type", type, "required", required);
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
