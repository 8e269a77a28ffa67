package dev.faro.incentive.contest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.incentive.redemption.IncentiveFixtures;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class ContestDrawTest {

    private static final int ENTRIES = 12;

    @Inject
    IncentiveFixtures incentives;

    private final DiscountCodes codes = new DiscountCodes();

    @Test
    void aDrawWithAPublishedSeedCanBeRecomputedFromWhatItShows() throws Exception {
        Contest contest = contestWithEntries();

        JsonPath draw = draw(contest.campaign(), Map.of("winners", 3, "seed", "loteria-2026-11-26"), Roles.ADMIN)
                .statusCode(201)
                .body("seedSource", equalTo("given"))
                .body("algorithm", equalTo(DrawAlgorithm.NAME))
                .body("entryCount", equalTo(ENTRIES))
                .body("winners", hasSize(3))
                .extract()
                .jsonPath();

        JsonPath shown = shown(contest.campaign(), draw.getString("id"));
        String entryList = entryList(contest.campaign(), draw.getString("id"));
        List<UUID> listed =
                Arrays.stream(entryList.split("\n")).map(UUID::fromString).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(contest.entries());
        assertThat(sha256(entryList)).isEqualTo(shown.getString("entriesHash"));
        assertThat(DrawAlgorithm.winners(listed, shown.getString("seed"), 3)).isEqualTo(winnerIds(shown));
        assertThat(winnerIds(shown)).doesNotHaveDuplicates().isSubsetOf(contest.entries());
        assertThat(shown.getList("winners.code", String.class))
                .allSatisfy(code -> assertThat(contest.codes()).contains(code));

        JsonPath again = draw(contest.campaign(), Map.of("winners", 3, "seed", "loteria-2026-11-26"), Roles.ADMIN)
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(again.getString("id")).isNotEqualTo(draw.getString("id"));
        assertThat(winnerIds(again)).isEqualTo(winnerIds(shown));
    }

    @Test
    void withoutASeedFaroDrawsOneAndKeepsIt() {
        Contest contest = contestWithEntries();

        JsonPath draw = draw(contest.campaign(), Map.of("winners", 2), Roles.ADMIN)
                .statusCode(201)
                .body("seedSource", equalTo("generated"))
                .body("seed", matchesPattern("[0-9a-f]{64}"))
                .extract()
                .jsonPath();

        JsonPath shown = shown(contest.campaign(), draw.getString("id"));
        List<UUID> sorted = DrawAlgorithm.sorted(contest.entries());
        assertThat(DrawAlgorithm.winners(sorted, shown.getString("seed"), 2)).isEqualTo(winnerIds(shown));
        assertThat(shown.getString("entriesHash")).isEqualTo(DrawAlgorithm.entriesHash(sorted));
    }

    @Test
    void moreWinnersThanEntriesIsABadRequest() {
        Contest contest = contestWithEntries();

        draw(contest.campaign(), Map.of("winners", ENTRIES + 1), Roles.ADMIN)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("winners"));
        draw(contest.campaign(), Map.of("winners", 0), Roles.ADMIN)
                .statusCode(400)
                .body("errors[0].field", equalTo("winners"));
    }

    @Test
    void onlyAnAdminMayDrawOrSeeADraw() {
        given().contentType(ContentType.JSON)
                .body(Map.of("winners", 1))
                .post("/api/admin/campaigns/{campaign}/draws", "demo")
                .then()
                .statusCode(401);
        draw("demo", Map.of("winners", 1), Roles.MARKETER).statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/admin/campaigns/{campaign}/draws/{id}", "demo", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void unknownCampaignsAndDrawsAreNotFound() {
        draw("nunca-anunciada", Map.of("winners", 1), Roles.ADMIN).statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/admin/campaigns/{campaign}/draws/{id}", "demo", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSeedWithMarkupOrSqlIsKeptVerbatimAndStillRecomputesTheDraw() {
        Contest contest = contestWithEntries();
        String seed = "'); drop table contest_draw; -- <script>alert(1)</script>";

        String id = draw(contest.campaign(), Map.of("winners", 2, "seed", seed), Roles.ADMIN)
                .statusCode(201)
                .body("seed", equalTo(seed))
                .extract()
                .path("id");

        JsonPath shown = shown(contest.campaign(), id);
        assertThat(shown.getString("seed")).isEqualTo(seed);
        assertThat(DrawAlgorithm.winners(DrawAlgorithm.sorted(contest.entries()), seed, 2))
                .isEqualTo(winnerIds(shown));
    }

    @Test
    void aCampaignInTheAddressThatIsNoSlugIsABadRequestNamingIt() {
        for (String campaign : List.of("x' or '1'='1", "../../q/health", "<script>", "nul\u0000")) {
            draw(campaign, Map.of("winners", 1), Roles.ADMIN)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("campaign"));
            for (String path : List.of(
                    "/api/admin/campaigns/{campaign}/draws/{id}",
                    "/api/admin/campaigns/{campaign}/draws/{id}/entries")) {
                given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                        .get(path, campaign, UUID.randomUUID())
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("campaign"));
            }
        }
    }

    private record Contest(String campaign, List<UUID> entries, List<String> codes) {}

    /**
     * A campaign with {@value #ENTRIES} contest entries, plus what must not take part: an erased entry and an
     * incentive of another kind.
     */
    private Contest contestWithEntries() {
        String campaign = "sorteo-" + UUID.randomUUID().toString().substring(0, 8);
        new TestKafka(TestInfrastructure.current().kafkaBootstrap()).publish(campaign, GoldenEvents.campaign(campaign));
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30));
        List<UUID> entries = new ArrayList<>();
        List<String> entryCodes = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            String code = codes.next();
            entries.add(incentives.insert(UUID.randomUUID(), campaign, IncentiveIssued.CONTEST_ENTRY, code, expiresAt));
            entryCodes.add(code);
        }
        incentives.anonymise(
                incentives.insert(UUID.randomUUID(), campaign, IncentiveIssued.CONTEST_ENTRY, codes.next(), expiresAt));
        incentives.insert(UUID.randomUUID(), campaign, "percent-discount", codes.next(), expiresAt);
        // Until the campaign has arrived, a draw answers 404; then too many winners is a 400.
        await("campaign " + campaign).atMost(Duration.ofSeconds(20)).untilAsserted(() -> draw(
                        campaign, Map.of("winners", 1000), Roles.ADMIN)
                .statusCode(400));
        return new Contest(campaign, entries, entryCodes);
    }

    private static ValidatableResponse draw(String campaign, Map<String, Object> body, String role) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/campaigns/{campaign}/draws", campaign)
                .then();
    }

    private static JsonPath shown(String campaign, String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/admin/campaigns/{campaign}/draws/{id}", campaign, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String entryList(String campaign, String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/admin/campaigns/{campaign}/draws/{id}/entries", campaign, id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static List<UUID> winnerIds(JsonPath draw) {
        return draw.getList("winners.incentiveId", String.class).stream()
                .map(UUID::fromString)
                .toList();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
