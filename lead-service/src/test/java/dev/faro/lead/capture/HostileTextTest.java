package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.assertRejected;
import static dev.faro.lead.capture.Forms.capture;
import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a stranger types into a form (SQL, markup, spreadsheet formulas, look-alike quotes) is text: accepted
 * where the field takes free text, stored exactly as sent, and read back exactly from every way out of Faro (the
 * lead list, its search, the CSV export, the personal-data export). Fields with a fixed form refuse it.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class HostileTextTest {

    /** The form's free-text properties, with the lead column each is stored in. */
    private static final Map<String, String> FREE_TEXT = freeText();

    /** A custom text field of the test campaigns. */
    private static final String NOTE = "nota";

    @Inject
    LeadRows rows;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'); DROP TABLE lead;--",
                "' OR '1'='1",
                "\\'; --",
                "\"; DELETE FROM lead WHERE ''='",
                "$$; DROP TABLE lead; $$",
                "1 UNION SELECT email FROM lead --",
                "’ OR ’1’=’1", // right single quotation marks
                "ʼ; DROP TABLE lead; --", // modifier letter apostrophe
                "＇ OR 1=1 --", // fullwidth apostrophe
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "javascript:alert(document.cookie)",
                "=HYPERLINK(\"https://evil.example\",\"x\")",
                "+1+1",
                "-1+cmd|' /C calc'!A0",
                "@SUM(1+1)"
            })
    void hostileTextInEveryFreeTextFieldIsStoredVerbatimAndReadBackExactly(String hostile) {
        String campaign = campaignWithANote();
        Map<String, Object> bystanderForm = with(minimal(), "campaign", campaign);
        String bystander = capture(with(bystanderForm, "name", "Bystander"));
        Map<String, Object> form = with(minimal(), "campaign", campaign);
        form.put("email", "'or'1'='1-" + UUID.randomUUID() + "@example.org");
        FREE_TEXT.keySet().forEach(field -> with(form, field, hostile));
        form.put("customFields", Map.of(NOTE, hostile));

        String leadId = capture(form);

        Map<String, Object> stored = rows.lead(email(form));
        FREE_TEXT.values().forEach(column -> assertThat(stored).containsEntry(column, hostile));
        assertThat(rows.countLeads(email(bystanderForm)))
                .as("the lead table is still there, bystander and all")
                .isOne();

        Map<String, Object> listed = listed(campaign, Map.of()).get(leadId);
        assertThat(listed.get("email")).isEqualTo(email(form));
        assertThat(listed.get("name")).isEqualTo(hostile);
        assertThat(listed.get("company")).isEqualTo(hostile);
        assertThat(nested(listed, "attribution"))
                .containsEntry("landingPage", hostile)
                .containsEntry("variant", hostile)
                .containsEntry("referrer", hostile);
        assertThat(nested(listed, "utm"))
                .containsEntry("source", hostile)
                .containsEntry("medium", hostile)
                .containsEntry("campaign", hostile)
                .containsEntry("term", hostile)
                .containsEntry("content", hostile);
        assertThat(listed(campaign, Map.of("q", hostile)).keySet())
                .as("searching for the text finds its lead and no other")
                .containsExactly(leadId);
        assertThat(listed(campaign, Map.of("source", hostile, "variant", hostile))
                        .keySet())
                .containsExactly(leadId);
        assertThat(listed(campaign, Map.of()).keySet()).containsExactlyInAnyOrder(leadId, bystander);

        Map<String, String> record = csvRecord(campaign, leadId);
        assertThat(record.get("email")).isEqualTo(email(form));
        FREE_TEXT.values().forEach(column -> assertThat(record.get(column))
                .as("CSV column %s", column)
                .isEqualTo(asSpreadsheetText(hostile)));

        JsonPath export = as(Roles.ADMIN)
                .get("/api/leads/{id}/export", leadId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getString("lead.email")).isEqualTo(email(form));
        FREE_TEXT.values().forEach(column -> assertThat(export.getString("lead." + column))
                .as("exported %s", column)
                .isEqualTo(hostile));
        assertThat(export.getString("lead.custom_fields." + NOTE)).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"campaign", "locale", "timeZone", "phone", "visitorId", "consent.textVersion", "email"})
    void sqlInAFieldWithAFixedFormIsRefusedNamingTheFieldAndNothingIsStored(String field) {
        Map<String, Object> form = minimal();
        String address = email(form);
        with(form, field, "' OR '1'='1");

        assertRejected(form, field);
        assertThat(rows.countLeads(address)).isZero();
    }

    @Test
    void sqlInAnIdempotencyKeyIsOnlyAKey() {
        String key = "'); DROP TABLE capture_idempotency;-- " + UUID.randomUUID();
        Map<String, Object> form = minimal();

        ExtractableResponse<Response> first = submitWithKey(form, key).extract();
        ExtractableResponse<Response> replay = submitWithKey(form, key).extract();

        assertThat(first.header(LeadCaptureResource.REPLAYED)).isNull();
        assertThat(replay.<String>path("leadId")).isEqualTo(first.<String>path("leadId"));
        assertThat(replay.header(LeadCaptureResource.REPLAYED)).isEqualTo("true");
        assertThat(rows.idempotencyKeyKept(key)).isTrue();
    }

    private static ValidatableResponse submitWithKey(Map<String, Object> form, String key) {
        return Forms.post()
                .header("Idempotency-Key", key)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202);
    }

    /** What a spreadsheet shows for the cell: the text itself, an apostrophe first if it would run as a formula. */
    private static String asSpreadsheetText(String value) {
        return "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The campaign's leads as the lead list returns them, by id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> listed(String campaign, Map<String, ?> query) {
        List<Map<String, Object>> leads = as(Roles.MARKETER)
                .queryParams(query)
                .get("/api/admin/campaigns/{campaign}/leads", campaign)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("leads");
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        leads.forEach(lead -> byId.put((String) lead.get("id"), lead));
        return byId;
    }

    /** The lead's record of the campaign's CSV export, by column name. */
    private static Map<String, String> csvRecord(String campaign, String leadId) {
        byte[] body = as(Roles.MARKETER)
                .get("/api/admin/campaigns/{campaign}/leads.csv", campaign)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<List<String>> records = Rfc4180.parse(new String(body, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<String> record = records.stream()
                .filter(r -> r.get(0).equals(leadId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSV record for lead " + leadId));
        assertThat(record).as("cells of the record").hasSameSizeAs(header);
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), record.get(i));
        }
        return byColumn;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> lead, String property) {
        return (Map<String, Object>) lead.get(property);
    }

    /** A new single opt-in campaign with one optional custom text field, {@link #NOTE}; returns its id. */
    private static String campaignWithANote() {
        String id = "hostil-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Texto hostil");
        body.put("locale", "es");
        body.put("timeZone", "Europe/Madrid");
        body.put("doubleOptIn", false);
        body.put("customFields", List.of(Map.of("name", NOTE, "type", "text", "required", false)));
        as(Roles.MARKETER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns")
                .then()
                .statusCode(201);
        return id;
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static Map<String, String> freeText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "name");
        fields.put("company", "company");
        fields.put("landingPage", "landing_page");
        fields.put("variant", "variant");
        fields.put("referrer", "referrer");
        fields.put("utm.source", "utm_source");
        fields.put("utm.medium", "utm_medium");
        fields.put("utm.campaign", "utm_campaign");
        fields.put("utm.term", "utm_term");
        fields.put("utm.content", "utm_content");
        return fields;
    }

    /** Reads CSV as RFC 4180 writes it (CRLF records, quoted cells with doubled quotes), as a spreadsheet would. */
    private static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(cell.toString());
                    cell.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return records;
        }
    }
}
