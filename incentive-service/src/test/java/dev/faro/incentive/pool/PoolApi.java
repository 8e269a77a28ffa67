package dev.faro.incentive.pool;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The code-pool admin API as a marketer calls it. */
final class PoolApi {

    private PoolApi() {}

    static String newPool(int lowWater) {
        String id = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("application/json")
                .body(Map.of("id", id, "campaign", "demo", "lowWater", lowWater))
                .post("/api/admin/code-pools")
                .then()
                .statusCode(201);
        return id;
    }

    /** A pool holding {@code count} fresh codes, named after the pool so no two pools share one. */
    static String poolWith(int count, int lowWater) {
        String id = newPool(lowWater);
        importCodes(id, csvOf(id, count)).statusCode(200);
        return id;
    }

    static String csvOf(String poolId, int count) {
        return "code\n"
                + IntStream.range(0, count)
                        .mapToObj(i -> poolId.toUpperCase() + "-"
                                + UUID.randomUUID().toString().substring(0, 8) + "-" + i)
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    static ValidatableResponse importCodes(String poolId, String csv) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("text/csv")
                .body(csv)
                .post("/api/admin/code-pools/{id}/codes", poolId)
                .then();
    }

    static ValidatableResponse pool(String poolId) {
        return given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/admin/code-pools/{id}", poolId)
                .then();
    }
}
