package dev.faro.lead.leads;

import static dev.faro.lead.leads.LeadListTest.csvOf;
import static dev.faro.lead.leads.LeadListTest.marketer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class LeadCsvExportTest {

    private static final String HEADER = "id,campaign,created_at,status,confirmed_at,email,name,phone,company,locale,"
            + "time_zone,marketing_consent,consent_given_at,landing_page,variant,visitor_id,referrer,utm_source,"
            + "utm_medium,utm_campaign,utm_term,utm_content";

    @Inject
    TestLeads leads;

    @Test
    void csvHasAHeaderRowThenOneRecordPerLeadWithStatusConsentAttributionAndUtm() {
        String campaign = leads.campaign();
        Instant created = Instant.parse("2026-11-02T09:15:00Z");
        UUID confirmed = leads.insert(
                campaign,
                Map.ofEntries(
                        Map.entry("created_at", created),
                        Map.entry("email", "ana@example.org"),
                        Map.entry("name", "Ana"),
                        Map.entry("company", "Acme"),
                        Map.entry("marketing_consent", true),
                        Map.entry("landing_page", "offer"),
                        Map.entry("variant", "b"),
                        Map.entry("visitor_id", "v-1"),
                        Map.entry("referrer", "https://news.example.org/"),
                        Map.entry("utm_source", "newsletter"),
                        Map.entry("utm_medium", "email"),
                        Map.entry("utm_campaign", "otono"),
                        Map.entry("utm_term", "redes"),
                        Map.entry("utm_content", "boton")));
        UUID pending = leads.insert(
                campaign,
                Map.of(
                        "created_at",
                        created.plusSeconds(60),
                        "email",
                        "bea@example.org",
                        "status",
                        "pending",
                        "marketing_consent",
                        false));

        Response csv = export(campaign, Map.of());

        csv.then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"" + campaign + "-leads.csv\"");
        assertThat(lines(csv))
                .containsExactly(
                        HEADER,
                        pending + "," + campaign + ",2026-11-02T09:16:00Z,pending,,bea@example.org,,,,es,"
                                + "Europe/Madrid,no,2026-11-02T09:16:00Z,,,,,,,,,",
                        confirmed + "," + campaign + ",2026-11-02T09:15:00Z,confirmed,2026-11-02T09:15:00Z,"
                                + "ana@example.org,Ana,,Acme,es,Europe/Madrid,yes,2026-11-02T09:15:00Z,offer,b,v-1,"
                                + "https://news.example.org/,newsletter,email,otono,redes,boton");
    }

    @Test
    void valuesASpreadsheetWouldRunGetAnApostropheAndSpecialCharactersAreQuoted() {
        String campaign = leads.campaign();
        leads.insert(
                campaign,
                Map.of(
                        "name", "=HYPERLINK(\"https://evil.example\",\"click\")",
                        "company", "Pérez, \"Hermanos\" S.A.",
                        "phone", "+34612345678",
                        "utm_source", "@import",
                        "utm_term", "-2+3"));

        String record = lines(export(campaign, Map.of())).get(1);

        assertThat(record)
                .contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",")
                .contains(",'+34612345678,")
                .contains(",\"Pérez, \"\"Hermanos\"\" S.A.\",")
                .contains(",'@import,")
                .contains(",'-2+3,");
    }

    @Test
    void exportStreamsEveryMatchingLeadNotOnlyOnePage() {
        String campaign = leads.campaign();
        int many = 2 * LeadCsvExport.BATCH + 3;
        Instant newest = Instant.parse("2026-11-20T12:00:00Z");
        leads.insertMany(campaign, many, newest);
        leads.insert(campaign, Map.of("created_at", newest.plusSeconds(1), "utm_source", "newsletter"));

        List<String> all = lines(export(campaign, Map.of()));
        List<String> filtered = lines(export(campaign, Map.of("source", "newsletter")));

        assertThat(all).hasSize(1 + many + 1);
        assertThat(all.stream().skip(1).map(line -> line.substring(0, 36)).distinct())
                .hasSize(many + 1);
        assertThat(filtered).hasSize(2);
    }

    @Test
    void unknownCampaignIs404AndAnInvalidFilterIs400AsProblems() {
        marketer().get(csvOf("no-such-campaign")).then().statusCode(404).contentType("application/problem+json");
        marketer()
                .queryParam("status", "gone")
                .get(csvOf(leads.campaign()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"))
                .body("status", equalTo(400));
    }

    private static Response export(String campaign, Map<String, ?> query) {
        return marketer().queryParams(query).get(csvOf(campaign));
    }

    private static List<String> lines(Response csv) {
        String body = new String(csv.then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\r\n");
        return Arrays.asList(body.split("\r\n"));
    }
}
