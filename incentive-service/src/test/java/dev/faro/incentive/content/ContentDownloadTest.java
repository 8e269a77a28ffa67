package dev.faro.incentive.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.incentive.privacy.ErasedLeads;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class ContentDownloadTest {

    private static final String EBOOK = DemoContentSeed.EBOOK_REF;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ContentLinks links;

    @Inject
    ContentRows rows;

    @Inject
    ErasedLeads erasedLeads;

    @ConfigProperty(name = "faro.links.signing-secret")
    String signingSecret;

    @Test
    void aSignedLinkDownloadsTheDemoEbookAndTheDownloadIsRecorded() {
        UUID incentiveId = rows.incentiveOf(UUID.randomUUID());
        String link = links.linkFor(incentiveId, EBOOK, Instant.now().plus(Duration.ofDays(30)));

        assertThat(link).startsWith("http://localhost:8082/api/content/");
        byte[] pdf = given().header("User-Agent", "TestMail/1.0")
                .get(URI.create(link).getPath())
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "attachment; filename=\"" + EBOOK + "\"; filename*=UTF-8''" + EBOOK)
                .extract()
                .asByteArray();

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(rows.downloads(incentiveId))
                .containsExactly(new ContentRows.Download(EBOOK, "127.0.0.0", "TestMail/1.0"));
    }

    @Test
    void aLeadsPersonalDataExportListsItsDownloads() {
        UUID leadId = UUID.randomUUID();
        UUID incentiveId = rows.incentiveOf(leadId);
        given().header("User-Agent", "TestMail/1.0")
                .get(
                        "/api/content/{token}",
                        links.tokenFor(incentiveId, EBOOK, Instant.now().plusSeconds(60)))
                .then()
                .statusCode(200);

        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(200)
                .body("downloads.incentiveId", contains(incentiveId.toString()))
                .body("downloads[0].contentRef", equalTo(EBOOK))
                .body("downloads[0].clientNetwork", equalTo("127.0.0.0"))
                .body("downloads[0].userAgent", equalTo("TestMail/1.0"))
                .body("downloads[0].downloadedAt", notNullValue());
    }

    @Test
    void anAlteredLinkIsRefused() {
        UUID incentiveId = rows.incentiveOf(UUID.randomUUID());
        String token = links.tokenFor(incentiveId, EBOOK, Instant.now().plus(Duration.ofDays(1)));
        String otherIncentive =
                links.tokenFor(UUID.randomUUID(), EBOOK, Instant.now().plus(Duration.ofDays(1)));
        String forged = otherIncentive.substring(0, otherIncentive.indexOf('.')) + token.substring(token.indexOf('.'));

        for (String bad : new String[] {forged, token.substring(0, token.length() - 2), "not-a-token", token + "."}) {
            given().get("/api/content/{token}", bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://faro.dev/problems/invalid-link"));
        }
        assertThat(rows.downloads(incentiveId)).isEmpty();
    }

    @Test
    void anExpiredLinkIsGone() {
        UUID incentiveId = rows.incentiveOf(UUID.randomUUID());
        String token = links.tokenFor(incentiveId, EBOOK, Instant.now().minusSeconds(1));

        given().get("/api/content/{token}", token)
                .then()
                .statusCode(410)
                .body("type", equalTo("https://faro.dev/problems/link-expired"));
    }

    @Test
    void unknownContentOrAnUnknownIncentiveIsNotFound() {
        UUID incentiveId = rows.incentiveOf(UUID.randomUUID());
        Instant later = Instant.now().plus(Duration.ofDays(1));

        given().get("/api/content/{token}", links.tokenFor(incentiveId, "no-such-file.pdf", later))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/content/{token}", links.tokenFor(UUID.randomUUID(), EBOOK, later))
                .then()
                .statusCode(404);
    }

    @Test
    void anErasedLeadsLinkOpensNothingAndItsDownloadsAreForgotten() {
        UUID leadId = UUID.randomUUID();
        UUID incentiveId = rows.incentiveOf(leadId);
        String token = links.tokenFor(incentiveId, EBOOK, Instant.now().plus(Duration.ofDays(1)));
        given().get("/api/content/{token}", token).then().statusCode(200);
        assertThat(rows.downloads(incentiveId)).hasSize(1);

        QuarkusTransaction.requiringNew().run(() -> erasedLeads.erase(leadId));

        given().get("/api/content/{token}", token)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/not-found"));
        assertThat(rows.downloads(incentiveId)).isEmpty();
    }

    @Test
    void aLinkOpensItsFileAgainUntilItExpiresEachDownloadRecordedAndNothingPublished() {
        UUID leadId = UUID.randomUUID();
        UUID incentiveId = rows.incentiveOf(leadId);
        String token = links.tokenFor(incentiveId, EBOOK, Instant.now().plus(Duration.ofDays(1)));

        byte[] onThePhone = download(token, "Phone/1.0");
        byte[] onTheLaptop = download(token, "Laptop/1.0");

        // An ebook is read on several devices: the link keeps working, and the lead's export lists each download.
        assertThat(onTheLaptop).isEqualTo(onThePhone);
        assertThat(rows.downloads(incentiveId))
                .extracting(ContentRows.Download::userAgent)
                .containsExactly("Phone/1.0", "Laptop/1.0");
        // A download is no funnel step: nothing is published, so no count anywhere grows with repeated downloads.
        assertThat(rows.eventsNaming(leadId, incentiveId)).isZero();
    }

    @Test
    void aLinkThatOpenedItsFileIsRefusedOnceItHasExpired() {
        UUID incentiveId = rows.incentiveOf(UUID.randomUUID());
        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String token = links.tokenFor(incentiveId, EBOOK, expiry);
        download(token, "TestMail/1.0");

        await("the link's expiry").atMost(Duration.ofSeconds(10)).until(() -> !Instant.now()
                .isBefore(expiry));

        given().get("/api/content/{token}", token)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/link-expired"))
                .body("detail", equalTo("the link expired at " + expiry));
        assertThat(rows.downloads(incentiveId)).hasSize(1);
    }

    @Test
    void aLinkForOneFileCannotBeMadeToOpenAnother() {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("text/plain")
                .queryParam("title", "Another file")
                .body("another file".getBytes(StandardCharsets.UTF_8))
                .put("/api/admin/content/{ref}", other)
                .then()
                .statusCode(201);
        UUID leadId = UUID.randomUUID();
        UUID incentiveId = rows.incentiveOf(leadId);
        long expiry = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        String ebookToken = links.tokenFor(incentiveId, EBOOK, Instant.ofEpochSecond(expiry));
        String ebookSignature = ebookToken.substring(ebookToken.indexOf('.'));

        List<String> forged = List.of(
                // The ebook link's signature under a payload naming the other file.
                encoded("v1|content|" + incentiveId + "|" + other + "|" + expiry) + ebookSignature,
                // The ebook link with a later expiry.
                encoded("v1|content|" + incentiveId + "|" + EBOOK + "|" + (expiry + 86_400)) + ebookSignature,
                // A lead-service erasure link for the lead, signed with the very same secret.
                signed("v1|erase|" + leadId + "|" + expiry),
                // A link of another purpose that names the file.
                signed("v1|download|" + incentiveId + "|" + other + "|" + expiry),
                // The right payload signed with another secret.
                encoded("v1|content|" + incentiveId + "|" + other + "|" + expiry) + "."
                        + BASE64URL.encodeToString(new byte[32]));
        for (String token : forged) {
            given().get("/api/content/{token}", token)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://faro.dev/problems/invalid-link"));
        }

        assertThat(new String(download(ebookToken, "TestMail/1.0"), 0, 5)).isEqualTo("%PDF-");
        assertThat(rows.downloads(incentiveId))
                .extracting(ContentRows.Download::contentRef)
                .containsExactly(EBOOK);
    }

    @Test
    void hostileTokensAreDamagedLinksAndAreNotEchoed() {
        List<String> hostile = List.of(
                "' OR '1'='1",
                "x'; drop table content_file; --",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>." + BASE64URL.encodeToString(new byte[32]),
                encoded("<script>alert(1)</script>") + "." + BASE64URL.encodeToString(new byte[32]),
                "../../q/health",
                "..\\..\\etc\\passwd",
                "nul\u0000." + BASE64URL.encodeToString(new byte[32]),
                "%00",
                "x".repeat(2000));
        for (String token : hostile) {
            String body = given().get("/api/content/{token}", token)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://faro.dev/problems/invalid-link"))
                    .extract()
                    .asString();
            assertThat(body).as("answer to %s", token).doesNotContain("<", "drop table", "..");
        }
    }

    @Test
    void theOldUnsignedStaticPathServesNothing() {
        given().get("/content/" + EBOOK).then().statusCode(404);
    }

    @Test
    void clientAddressesAreCutToTheirNetwork() {
        assertThat(ContentDownloads.truncated("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(ContentDownloads.truncated("2001:db8:85a3:8d3:1319:8a2e:370:7348"))
                .isEqualTo("2001:db8:85a3:0:0:0:0:0");
        assertThat(ContentDownloads.truncated("example.org")).isNull();
        assertThat(ContentDownloads.truncated(null)).isNull();
    }

    private static byte[] download(String token, String userAgent) {
        return given().header("User-Agent", userAgent)
                .get("/api/content/{token}", token)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    private static String encoded(String payload) {
        return BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** A token of {@code payload} signed with the secret the service signs links with. */
    private String signed(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(signingSecret.trim()), "HmacSHA256"));
            byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return encoded(payload) + "." + BASE64URL.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
