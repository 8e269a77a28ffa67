package dev.faro.incentive.offer;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** The offer admin API as a marketer calls it, for tests. */
public final class OfferApi {

    private OfferApi() {}

    /** A campaign-wide offer of {@code kind} valid 30 days, with {@code fields} added or replaced (null removes). */
    public static Map<String, Object> offer(String id, String campaign, String kind, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("campaign", campaign);
        body.put("kind", kind);
        body.put("validDays", 30);
        fields.forEach((field, value) -> {
            if (value == null) {
                body.remove(field);
            } else {
                body.put(field, value);
            }
        });
        return body;
    }

    public static ValidatableResponse create(Map<String, Object> offer) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(offer)
                .post("/api/admin/offers")
                .then();
    }

    /** Creates the offer and fails unless it was created. */
    public static void created(Map<String, Object> offer) {
        create(offer).statusCode(201);
    }

    public static ValidatableResponse replace(String id, Map<String, Object> offer) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType(ContentType.JSON)
                .body(offer)
                .put("/api/admin/offers/{id}", id)
                .then();
    }

    public static ValidatableResponse get(String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/admin/offers/{id}", id)
                .then();
    }
}
