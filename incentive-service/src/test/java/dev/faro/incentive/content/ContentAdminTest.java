package dev.faro.incentive.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class ContentAdminTest {

    @Inject
    ContentLinks links;

    @Inject
    ContentRows rows;

    @Test
    void aMarketerUploadsAFileThenReplacesItAndLeadsDownloadTheLatest() {
        String ref = "guide-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";

        upload(ref, "first").statusCode(201).body("ref", equalTo(ref)).body("size", equalTo(5));
        upload(ref, "second version")
                .statusCode(200)
                .body("title", equalTo("The guide"))
                .body("size", equalTo(14));

        String token = links.tokenFor(
                rows.incentiveOf(UUID.randomUUID()), ref, Instant.now().plus(Duration.ofHours(1)));
        byte[] body = given().get("/api/content/{token}", token)
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"the_guide.txt\"; filename*=UTF-8''the%20guide.txt")
                .extract()
                .asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("second version");
    }

    @Test
    void anInvalidUploadNamesItsFields() {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/pdf")
                .body(new byte[0])
                .put("/api/admin/content/{ref}", "Bad Ref")
                .then()
                .statusCode(400)
                .body("errors.field", contains("ref", "title", "body"));
    }

    @Test
    void uploadsNeedAMarketerOrAnAdmin() {
        given().contentType("text/plain")
                .body("x")
                .put("/api/admin/content/{ref}?title=T", "x.txt")
                .then()
                .statusCode(401);
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .contentType("text/plain")
                .body("x")
                .put("/api/admin/content/{ref}?title=T", "x.txt")
                .then()
                .statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse upload(String ref, String text) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("text/plain")
                .queryParam("title", "The guide")
                .queryParam("fileName", "the guide.txt")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .put("/api/admin/content/{ref}", ref)
                .then();
    }
}
