package dev.faro.incentive.pool;

import static dev.faro.incentive.pool.PoolApi.importCodes;
import static dev.faro.incentive.pool.PoolApi.newPool;
import static dev.faro.incentive.pool.PoolApi.pool;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class CodePoolAdminTest {

    @Inject
    PoolRows rows;

    @Test
    void aMarketerCreatesAPoolImportsCodesAndSeesItsCounts() {
        String id = newPool(5);

        importCodes(id, "code,value\nSHOP-" + id + "-1,10\n\"SHOP-" + id + "-2\",10\n")
                .statusCode(200)
                .body("id", equalTo(id))
                .body("total", equalTo(2))
                .body("remaining", equalTo(2));

        pool(id).statusCode(200)
                .body("campaign", equalTo("demo"))
                .body("lowWater", equalTo(5))
                .body("total", equalTo(2))
                .body("allocated", equalTo(0))
                .body("remaining", equalTo(2));
    }

    @Test
    void linesAtFaultAreNamedAndNothingIsImported() {
        String id = newPool(0);
        String csv = "code\nOK-" + id + "\n" + "X".repeat(65) + "\nDUP-" + id + "\nDUP-" + id + "\n";

        importCodes(id, csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://faro.dev/problems/invalid-csv"))
                .body("errors.field", contains("line 3", "line 5"))
                .body("errors[1].message", equalTo("duplicates the code on line 4"));

        assertThat(rows.codes(id)).isZero();
    }

    @Test
    void codesAlreadyInAnyPoolAreRefusedByLineAndTheImportIsAllOrNothing() {
        String first = newPool(0);
        String second = newPool(0);
        importCodes(first, "code\nTAKEN-" + first + "\n").statusCode(200);

        importCodes(second, "code\nFRESH-" + second + "\nTAKEN-" + first + "\n")
                .statusCode(400)
                .body("errors.field", contains("line 3"))
                .body("errors[0].message", equalTo("the code was imported already"));

        assertThat(rows.codes(second)).isZero();
        importCodes(second, "code\nFRESH-" + second + "\n").statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aFileWithoutACodeColumnIsRefused() {
        importCodes(newPool(0), "coupon\nA1\n").statusCode(400).body("errors[0].field", equalTo("line 1"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        importCodes(newPool(0), "code\n" + "A".repeat(CodePoolAdmin.MAX_CSV_BYTES))
                .statusCode(413)
                .body("type", equalTo("https://faro.dev/problems/payload-too-large"));
    }

    @Test
    void aSecondPoolWithTheSameIdConflicts() {
        String id = newPool(0);

        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .contentType("application/json")
                .body(Map.of("id", id, "campaign", "demo", "lowWater", 1))
                .post("/api/admin/code-pools")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://faro.dev/problems/code-pool-exists"));
    }

    @Test
    void anInvalidPoolNamesItsFields() {
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .contentType("application/json")
                .body(Map.of("id", "Not A Slug", "campaign", "demo", "lowWater", -1))
                .post("/api/admin/code-pools")
                .then()
                .statusCode(400)
                .body("errors.field", contains("id", "lowWater"));
    }

    @Test
    void anUnknownPoolIsNotFound() {
        pool("no-such-pool").statusCode(404);
        importCodes("no-such-pool", "code\nA\n").statusCode(404);
    }

    @Test
    void codesThatLookLikeSqlOrMarkupAreImportedVerbatim() {
        String id = newPool(0);
        String sql = "X'OR'1'='1'--" + id;
        String markup = "<script>alert(1)</script>" + id;
        String formula = "=HYPERLINK(\"https://evil.example\")" + id;

        importCodes(id, "code\n\"" + sql + "\"\n" + markup + "\n\"" + formula.replace("\"", "\"\"") + "\"\n")
                .statusCode(200)
                .body("total", equalTo(3));

        assertThat(rows.codeTexts(id)).containsExactly(sql, markup, formula);
    }

    @Test
    void aPoolIdInTheAddressThatCannotExistIsNotFound() {
        for (String id : new String[] {"x' or '1'='1", "../../q/health", "<script>", "nul\u0000"}) {
            pool(id).statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://faro.dev/problems/not-found"));
            importCodes(id, "code\nA\n").statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void withoutATokenOrWithAnotherRoleThePoolsAreClosed() {
        given().get("/api/admin/code-pools/any")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .contentType("text/csv")
                .body("code\nA\n")
                .post("/api/admin/code-pools/any/codes")
                .then()
                .statusCode(403);
    }
}
