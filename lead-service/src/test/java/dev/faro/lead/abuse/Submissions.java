package dev.faro.lead.abuse;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests as different clients would send them through the load balancer (X-Forwarded-For). */
final class Submissions {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

    private Submissions() {}

    /** An address no other request of this test JVM has used. */
    static String newClient() {
        int n = NEXT_CLIENT.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    static ValidatableResponse lead(String client, String campaign) {
        return leadAt("/api/leads", client, campaign);
    }

    /** A submission of {@code email} to {@code campaign}, as sent from {@code client}. */
    static ValidatableResponse leadOf(String email, String client, String campaign) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(leadBody(email, campaign))
                .post("/api/leads")
                .then();
    }

    /** To {@code path} exactly as written, for URLs that reach the capture resource by another spelling. */
    static ValidatableResponse leadAt(String path, String client, String campaign) {
        return given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(leadBody(uniqueEmail(), campaign))
                .post(path)
                .then();
    }

    static ValidatableResponse visit(String client) {
        // Whatever the visits resource answers to this body, only a 429 is the limit's doing.
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/visits")
                .then();
    }

    static String leadBody(String email, String campaign) {
        return "{\"email\":\"" + email + "\",\"campaign\":\"" + campaign + "\",\"consent\":{\"marketing\":true}}";
    }

    static String uniqueEmail() {
        return "abuse-" + UUID.randomUUID() + "@example.org";
    }
}
