package dev.faro.incentive.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class ContentDownloadTest {

    private static final String EBOOK = DemoContentSeed.EBOOK_REF;

    @Inject
    ContentLinks links;

    @Inject
    ContentRows rows;

    @Inject
    ErasedLeads erasedLeads;

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

        given().get("/api/content/{token}", token).then().statusCode(404);
        assertThat(rows.downloads(incentiveId)).isEmpty();
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
}
