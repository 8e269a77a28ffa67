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
import java.util.List;
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
    void markupAndSqlInATitleOrFileNameAreStoredVerbatimAndTheDownloadIsAnAttachmentWhateverItHolds() {
        String ref = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + ".html";
        String title = "<script>alert(1)</script>'); drop table content_file; --";
        String fileName = "<img src=x onerror=alert(1)>\";*.html";
        byte[] page = "<script>alert(document.domain)</script>".getBytes(StandardCharsets.UTF_8);

        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("text/html")
                .queryParam("title", title)
                .queryParam("fileName", fileName)
                .body(page)
                .put("/api/admin/content/{ref}", ref)
                .then()
                .statusCode(201)
                .body("title", equalTo(title))
                .body("fileName", equalTo(fileName));

        String token = links.tokenFor(
                rows.incentiveOf(UUID.randomUUID()), ref, Instant.now().plus(Duration.ofHours(1)));
        byte[] body = given().get("/api/content/{token}", token)
                .then()
                .statusCode(200)
                // Never rendered in this service's origin: a download, its type not to be sniffed, its name unable
                // to end the header's quoted string or add a parameter.
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"_img_src_x_onerror_alert_1_____.html\";"
                                + " filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%22%3B%2A.html")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .extract()
                .asByteArray();
        assertThat(body).isEqualTo(page);
    }

    @Test
    void aTitleWithControlCharactersOrAContentTypeThatIsNoMediaTypeIsRefusedNamingIt() {
        String ref = "refused-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        for (String title : List.of("Guide\u0000", "Guide\r\nX-Injected: 1")) {
            given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                    .contentType("text/plain")
                    .queryParam("title", title)
                    .body("x".getBytes(StandardCharsets.UTF_8))
                    .put("/api/admin/content/{ref}", ref)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("title"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("application/x-" + "a".repeat(150))
                .queryParam("title", "Guide")
                .body("x".getBytes(StandardCharsets.UTF_8))
                .put("/api/admin/content/{ref}", ref)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("Content-Type"));
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
