package dev.faro.lead.leads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class LeadListTest {

    @Inject
    TestLeads leads;

    @Test
    void capturedLeadIsListedWithEveryFieldTheFormSent() {
        String campaign = leads.campaign();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("email", "Lucia." + UUID.randomUUID() + "@Example.org");
        form.put("campaign", campaign);
        form.put("consent", Map.of("marketing", true));
        form.put("name", "Lucía García");
        form.put("phone", "+34612345678");
        form.put("company", "Acme S.L.");
        form.put("locale", "en");
        form.put("timeZone", "America/Mexico_City");
        form.put("landingPage", "redes-sociales");
        form.put("variant", "b");
        form.put("visitorId", "v-7f3e9a");
        form.put("referrer", "https://news.example.org/articulo?id=7");
        form.put(
                "utm",
                Map.of(
                        "source",
                        "newsletter",
                        "medium",
                        "email",
                        "campaign",
                        "otono",
                        "term",
                        "redes",
                        "content",
                        "boton"));
        String leadId = given().contentType(ContentType.JSON)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");

        marketer()
                .get(leadsOf(campaign))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("leads.size()", equalTo(1))
                .body("nextCursor", nullValue())
                .body("leads[0].id", equalTo(leadId))
                .body("leads[0].campaign", equalTo(campaign))
                .body("leads[0].email", equalTo(((String) form.get("email")).toLowerCase()))
                .body("leads[0].name", equalTo("Lucía García"))
                .body("leads[0].phone", equalTo("+34612345678"))
                .body("leads[0].company", equalTo("Acme S.L."))
                .body("leads[0].locale", equalTo("en"))
                .body("leads[0].timeZone", equalTo("America/Mexico_City"))
                .body("leads[0].status", equalTo("confirmed"))
                .body("leads[0].createdAt", notNullValue())
                .body("leads[0].confirmedAt", notNullValue())
                .body("leads[0].consent.marketing", equalTo(true))
                .body("leads[0].consent.givenAt", notNullValue())
                .body("leads[0].attribution.landingPage", equalTo("redes-sociales"))
                .body("leads[0].attribution.variant", equalTo("b"))
                .body("leads[0].attribution.visitorId", equalTo("v-7f3e9a"))
                .body("leads[0].attribution.referrer", equalTo("https://news.example.org/articulo?id=7"))
                .body("leads[0].utm.source", equalTo("newsletter"))
                .body("leads[0].utm.medium", equalTo("email"))
                .body("leads[0].utm.campaign", equalTo("otono"))
                .body("leads[0].utm.term", equalTo("redes"))
                .body("leads[0].utm.content", equalTo("boton"));
    }

    @Test
    void pagesFollowEachOtherNewestFirstUntilTheLastHasNoCursor() {
        String campaign = leads.campaign();
        Instant base = Instant.parse("2026-11-10T12:00:00.123456Z");
        List<Map.Entry<Instant, UUID>> expected = new ArrayList<>();
        for (int second : new int[] {0, 1, 2, 3, 3, 3, 4}) {
            Instant at = base.plusSeconds(second);
            expected.add(Map.entry(at, leads.insert(campaign, Map.of("created_at", at))));
        }
        expected.sort(Comparator.comparing((Map.Entry<Instant, UUID> e) -> e.getKey())
                .thenComparing(e -> e.getValue().toString())
                .reversed());

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = marketer().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(leadsOf(campaign))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("leads.id");
            listed.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(listed)
                .containsExactlyElementsOf(
                        expected.stream().map(e -> e.getValue().toString()).toList());
    }

    @Test
    void aPageHoldsFiftyLeadsUnlessAskedForAnotherSize() {
        String campaign = leads.campaign();
        leads.insertMany(campaign, 51, Instant.now());

        marketer()
                .get(leadsOf(campaign))
                .then()
                .statusCode(200)
                .body("leads.size()", equalTo(50))
                .body("nextCursor", notNullValue());
        marketer()
                .queryParam("limit", 500)
                .get(leadsOf(campaign))
                .then()
                .statusCode(200)
                .body("leads.size()", equalTo(51))
                .body("nextCursor", nullValue());
    }

    @Test
    void fromAndToSelectByCreationTimeAsWholeUtcDaysOrExactInstants() {
        String campaign = leads.campaign();
        UUID lastOfOctober = leads.insert(campaign, Map.of("created_at", Instant.parse("2026-10-31T23:59:59Z")));
        UUID firstOfNovember = leads.insert(campaign, Map.of("created_at", Instant.parse("2026-11-01T00:00:00Z")));
        UUID midNovember = leads.insert(campaign, Map.of("created_at", Instant.parse("2026-11-15T10:30:00Z")));
        UUID lastOfNovember = leads.insert(campaign, Map.of("created_at", Instant.parse("2026-11-30T23:59:59.5Z")));
        UUID firstOfDecember = leads.insert(campaign, Map.of("created_at", Instant.parse("2026-12-01T00:00:00Z")));

        assertListed(
                campaign,
                Map.of("from", "2026-11-01", "to", "2026-11-30"),
                firstOfNovember,
                midNovember,
                lastOfNovember);
        assertListed(campaign, Map.of("from", "2026-11-15"), midNovember, lastOfNovember, firstOfDecember);
        assertListed(campaign, Map.of("to", "2026-10-31"), lastOfOctober);
        assertListed(
                campaign,
                Map.of("from", "2026-11-15T10:30:00Z", "to", "2026-12-01T00:00:00Z"),
                midNovember,
                lastOfNovember);
        assertListed(campaign, Map.of("from", "2026-11-15T11:30:00+01:00", "to", "2026-11-15T10:30:01Z"), midNovember);
    }

    @Test
    void sourceVariantAndStatusSelectExactly() {
        String campaign = leads.campaign();
        UUID newsletterA = leads.insert(campaign, Map.of("utm_source", "newsletter", "variant", "a"));
        UUID newsletterB =
                leads.insert(campaign, Map.of("utm_source", "newsletter", "variant", "b", "status", "pending"));
        UUID instagramA =
                leads.insert(campaign, Map.of("utm_source", "instagram", "variant", "a", "status", "pending"));
        leads.insert(campaign, Map.of("utm_source", "newsletter-2"));

        assertListed(campaign, Map.of("source", "newsletter"), newsletterA, newsletterB);
        assertListed(campaign, Map.of("variant", "a"), newsletterA, instagramA);
        assertListed(campaign, Map.of("status", "pending"), newsletterB, instagramA);
        assertListed(campaign, Map.of("source", "newsletter", "status", "pending"), newsletterB);
        assertListed(campaign, Map.of("source", "newsletter", "variant", "a", "status", "confirmed"), newsletterA);
        marketer()
                .queryParam("status", "pending")
                .get(leadsOf(campaign))
                .then()
                .body("leads.status", containsInAnyOrder("pending", "pending"))
                .body("leads.confirmedAt", containsInAnyOrder(nullValue(), nullValue()));
    }

    @Test
    void searchFindsTextInEmailNameOrCompanyIgnoringCase() {
        String campaign = leads.campaign();
        UUID byEmail = leads.insert(campaign, Map.of("email", "maria.lopez@example.org"));
        UUID byName = leads.insert(campaign, Map.of("name", "José LÓPEZ"));
        UUID byCompany = leads.insert(campaign, Map.of("company", "Lopez & Hijos"));
        UUID withPercent = leads.insert(campaign, Map.of("company", "100% Natural"));
        leads.insert(campaign, Map.of("name", "Ana Pérez", "company", "Acme"));

        assertListed(campaign, Map.of("q", "LOPEZ"), byEmail, byCompany);
        assertListed(campaign, Map.of("q", "lópez"), byName);
        assertListed(campaign, Map.of("q", "0% n"), withPercent);
        assertListed(campaign, Map.of("q", "%"), withPercent);
    }

    @Test
    void archivedCampaignsLeadsAreStillListed() {
        String campaign = leads.campaign();
        UUID lead = leads.insert(campaign, Map.of());
        marketer().post("/api/admin/campaigns/" + campaign + "/archive").then().statusCode(200);

        assertListed(campaign, Map.of(), lead);
    }

    @Test
    void unknownCampaignAnswers404Problem() {
        marketer()
                .get(leadsOf("no-such-campaign"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/not-found"));
    }

    @Test
    void invalidParametersAnswer400NamingEach() {
        String campaign = leads.campaign();

        marketer()
                .queryParam("from", "yesterday")
                .queryParam("to", "2026-13-01")
                .queryParam("status", "done")
                .queryParam("q", "x".repeat(201))
                .get(leadsOf(campaign))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("from", "to", "status", "q"));
        assertRejected(campaign, Map.of("from", "2026-11-02", "to", "2026-11-01"), "to");
        assertRejected(campaign, Map.of("limit", "0"), "limit");
        assertRejected(campaign, Map.of("limit", "501"), "limit");
        assertRejected(campaign, Map.of("limit", "ten"), "limit");
        assertRejected(campaign, Map.of("cursor", "not-a-cursor"), "cursor");
    }

    @Test
    void aNulOrOtherControlCharacterInATextFilterIsRefusedNamingItNotAServerError() {
        String campaign = leads.campaign();

        for (String parameter : List.of("q", "source", "variant")) {
            assertRejected(campaign, Map.of(parameter, "ana\u0000' OR '1'='1"), parameter);
            assertRejected(campaign, Map.of(parameter, "ana\nbea"), parameter);
        }
        marketer()
                .queryParam("q", "\u0000")
                .get(csvOf(campaign))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
    }

    @Test
    void listIsJsonWhateverTheClientAccepts() {
        String campaign = leads.campaign();

        marketer().accept("*/*").get(leadsOf(campaign)).then().statusCode(200).contentType(ContentType.JSON);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get(leadsOf(campaign))
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    private static void assertListed(String campaign, Map<String, ?> query, UUID... expected) {
        marketer()
                .queryParams(query)
                .get(leadsOf(campaign))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body(
                        "leads.id",
                        containsInAnyOrder(
                                Arrays.stream(expected).map(UUID::toString).toArray()));
    }

    private static void assertRejected(String campaign, Map<String, ?> query, String parameter) {
        marketer()
                .queryParams(query)
                .get(leadsOf(campaign))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }

    static String leadsOf(String campaign) {
        return "/api/admin/campaigns/" + campaign + "/leads";
    }

    static String csvOf(String campaign) {
        return leadsOf(campaign) + ".csv";
    }

    static RequestSpecification marketer() {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER));
    }
}
