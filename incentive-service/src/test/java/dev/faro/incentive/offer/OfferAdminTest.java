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
