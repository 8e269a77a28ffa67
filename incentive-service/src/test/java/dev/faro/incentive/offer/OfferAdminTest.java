package dev.faro.incentive.offer;

import static dev.faro.incentive.offer.OfferApi.create;
import static dev.faro.incentive.offer.OfferApi.created;
import static dev.faro.incentive.offer.OfferApi.offer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class OfferAdminTest {

    @Test
    void offersNeedAMarketerOrAdminToken() {
        Map<String, Object> body = offer(unique("auth"), unique("camp"), "free-shipping", Map.of());

        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/offers")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().get("/api/admin/offers").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .get("/api/admin/offers")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/admin/offers")
                .then()
                .statusCode(200);
    }

    @Test
    void invalidOfferIsRefusedNamingEveryFieldAtFault() {
        Map<String, Object> body = new HashMap<>();
        body.put("id", "Not A Slug");
        body.put("campaign", "demo");
        body.put("kind", "fixed-discount");
        body.put("discountPercent", 10);
        body.put("currency", "EURO");
        body.put("validUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        body.put("validDays", 30);
        body.put("codePrefix", "bf");

        create(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-request"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "id",
                                "discountPercent",
                                "discountAmount",
                                "currency",
                                "validUntil",
                                "validDays",
                                "codePrefix"));
    }

    @Test
    void contentOnlyOfferTakesNoCodeAndAFreeGiftNeedsItsDescription() {
        String campaign = unique("kinds");

        create(offer(unique("ebook"), campaign, "content", Map.of("codePrefix", "EF")))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("content", "codePrefix"));
        create(offer(unique("gift"), campaign, "free-gift", Map.of()))
                .statusCode(400)
                .body("errors[0].field", equalTo("gift"));
        create(offer(unique("kind"), campaign, "discount", Map.of()))
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("percent-discount"));
    }

    @Test
    void marketerCreatesReadsListsAndReplacesAnOffer() {
        String campaign = unique("crud");
        String id = unique("tote");
        Map<String, Object> gift = offer(id, campaign, "free-gift", Map.of("gift", "A tote bag", "budget", 100));

        create(gift)
                .statusCode(201)
                .header("Location", endsWith("/api/admin/offers/" + id))
                .body("kind", equalTo("free-gift"))
                .body("carriesCode", equalTo(true))
                .body("issued", equalTo(0));
        OfferApi.get(id).statusCode(200).body("gift", equalTo("A tote bag")).body("budget", equalTo(100));
        create(gift).statusCode(409).body("type", endsWith("/offer-exists"));

        Map<String, Object> replaced = new HashMap<>(gift);
        replaced.remove("id");
        replaced.put("budget", 50);
        replaced.put("validDays", null);
        replaced.put("validUntil", "2099-01-01T00:00:00Z");
        OfferApi.replace(id, replaced).statusCode(200).body("budget", equalTo(50));
        OfferApi.get(id).body("validUntil", equalTo("2099-01-01T00:00:00Z")).body("validDays", nullValue());

        Map<String, Object> moved = new HashMap<>(replaced);
        moved.put("campaign", unique("other"));
        OfferApi.replace(id, moved).statusCode(400).body("errors[0].field", equalTo("campaign"));
        OfferApi.replace(unique("missing"), replaced).statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/admin/offers?campaign={campaign}", campaign)
                .then()
                .statusCode(200)
                .body("id", hasSize(1))
                .body("id", hasItem(id));
    }

    @Test
    void fallbackMustBeAnotherOfferOfTheSameCampaignWithoutALoop() {
        String campaign = unique("loop");
        String first = unique("first");
        String second = unique("second");
        String elsewhere = unique("elsewhere");
        created(offer(first, campaign, "free-shipping", Map.of()));
        created(offer(second, campaign, "free-shipping", Map.of("fallbackOfferId", first)));
        created(offer(elsewhere, unique("camp"), "free-shipping", Map.of()));

        OfferApi.replace(first, offer(first, campaign, "free-shipping", Map.of("fallbackOfferId", second)))
                .statusCode(400)
                .body("errors[0].field", equalTo("fallbackOfferId"))
                .body("errors[0].message", containsString("loop"));
        create(offer(unique("x"), campaign, "free-shipping", Map.of("fallbackOfferId", elsewhere)))
                .statusCode(400)
                .body("errors[0].field", equalTo("fallbackOfferId"));
        create(offer(unique("x"), campaign, "free-shipping", Map.of("fallbackOfferId", unique("nope"))))
                .statusCode(400)
                .body("errors[0].message", equalTo("no such offer"));
    }

    @Test
    void aVariantHasOneOffer() {
        String campaign = unique("variant");
        created(offer(unique("b1"), campaign, "free-shipping", Map.of("variant", "b")));

        create(offer(unique("b2"), campaign, "free-shipping", Map.of("variant", "b")))
                .statusCode(400)
                .body("errors[0].field", equalTo("variant"));
    }

    @Test
    void markupAndSqlInAnOffersFreeTextsAreStoredAndShownVerbatim() {
        String campaign = unique("hostile");
        String giftId = unique("gift");
        String gift = "<script>alert(1)</script>'); drop table offer; --";
        String ebookId = unique("ebook");
        String title = "<img src=x onerror=alert(1)> \" OR 1=1 --";
        String url = "https://example.org/guide.pdf?q=%3Cscript%3E&x=1";

        created(offer(giftId, campaign, "free-gift", Map.of("gift", gift)));
        created(offer(ebookId, campaign, "content", Map.of("content", Map.of("title", title, "ref", url))));

        OfferApi.get(giftId).statusCode(200).body("gift", equalTo(gift));
        OfferApi.get(ebookId)
                .statusCode(200)
                .body("content.title", equalTo(title))
                .body("content.ref", equalTo(url));
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/admin/offers?campaign={campaign}", campaign)
                .then()
                .statusCode(200)
                .body("id", containsInAnyOrder(giftId, ebookId));
    }

    @Test
    void fieldsWithADocumentedFormatRefuseMarkupAndSqlNamingEachField() {
        Map<String, Object> body = offer(
                "x' or '1'='1",
                "demo'; drop table offer; --",
                "percent-discount",
                Map.of(
                        "discountPercent", 10,
                        "variant", "<script>alert(1)</script>",
                        "codePrefix", "BF'--",
                        "fallbackOfferId", "a\"); drop table offer; --"));

        create(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("id", "campaign", "variant", "codePrefix", "fallbackOfferId"));
        create(offer(
                        unique("pool"),
                        unique("camp"),
                        "percent-discount",
                        Map.of("discountPercent", 10, "codePoolId", "x' or 1=1")))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("codePoolId"));
    }

    @Test
    void textThatOnlyLooksLikeALinkOrCarriesControlCharactersIsRefusedNamingTheField() {
        String campaign = unique("links");
        for (String ref : new String[] {
            "javascript:alert(1)",
            "https://example.org/\"><script>alert(1)</script>",
            "https://example.org/<img src=x onerror=alert(1)>",
            "https:///no-host",
            "data:text/html,<script>alert(1)</script>"
        }) {
            create(offer(unique("ebook"), campaign, "content", Map.of("content", Map.of("title", "Guide", "ref", ref))))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("content.ref"));
        }
        create(offer(unique("gift"), campaign, "free-gift", Map.of("gift", "A tote\u0000bag")))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("gift"));
        create(offer(
                        unique("ebook"),
                        campaign,
                        "content",
                        Map.of(
                                "content",
                                Map.of("title", "Guide\r\nBcc: x@example.org", "ref", "https://example.org/g"))))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("content.title"));
    }

    @Test
    void anOfferIdOrCampaignInTheAddressThatCannotExistIsAProblemNotAFailure() {
        for (String id : new String[] {"x' or '1'='1", "../../q/health", "<script>", "nul\u0000"}) {
            OfferApi.get(id)
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/not-found"));
            OfferApi.replace(id, offer(null, "demo", "free-shipping", Map.of()))
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                    .queryParam("campaign", id)
                    .get("/api/admin/offers")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("campaign"));
        }
    }

    @Test
    void theDemoCampaignIsSeededWithTheEbookAndATenPercentCode() {
        OfferApi.get(DemoOfferSeed.OFFER_ID)
                .statusCode(200)
                .body("campaign", equalTo("demo"))
                .body("kind", equalTo("percent-discount"))
                .body("discountPercent", equalTo(10))
                .body("content.title", equalTo("Desbloquea el poder de las redes sociales"))
                .body("content.ref", equalTo("desbloquea-el-poder-de-las-redes-sociales.pdf"))
                .body("validDays", equalTo(30));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
