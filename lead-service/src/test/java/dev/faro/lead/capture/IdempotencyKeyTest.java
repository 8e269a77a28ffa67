package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client that retries with the same Idempotency-Key gets the first answer, and nothing happens twice. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class IdempotencyKeyTest {

    private static final String HEADER = "Idempotency-Key";

    @Inject
    LeadRows rows;

    @Inject
    IdempotencyKeys keys;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void retryWithTheSameKeyAndBodyGetsTheIdenticalAnswerAndCapturesOnce() {
        String key = newKey();
        Map<String, Object> form = minimal();

        Response first = submit(key, form);
        Response retry = submit(key, form);

        first.then().statusCode(202);
        retry.then().statusCode(202).header(LeadCaptureResource.REPLAYED, "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(first.getHeader(LeadCaptureResource.REPLAYED)).isNull();
        String leadId = first.path("leadId");
        assertThat(rows.countLeads(email(form))).isEqualTo(1);
        assertThat(rows.consentRecords(leadId)).hasSize(1);
        Forms.awaitSingleEvent(new TestKafka(kafkaBootstrap), leadId);
        assertThat(rows.outboxEventIds(leadId)).hasSize(1);
    }

    @Test
    void retryThatOnlyReordersOrRespacesTheBodyIsTheSameRequest() {
        String key = newKey();
        String email = LeadCaptureTest.uniqueEmail();
        String body = "{\"email\":\"" + email + "\",\"campaign\":\"demo\",\"consent\":{\"marketing\":true}}";
        String reordered = "{ \"consent\": {\"marketing\": true}, \"campaign\": \"demo\", \"email\": \" "
                + email.toUpperCase() + "\" }";

        String first = submit(key, body).then().statusCode(202).extract().asString();
        String retry = submit(key, reordered).then().statusCode(202).extract().asString();

        assertThat(retry).isEqualTo(first);
        assertThat(rows.countConsentRecordsOf(email)).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedWith422AndNothingIsStored() {
        String key = newKey();
        Map<String, Object> first = minimal();
        Map<String, Object> other = minimal();
        submit(key, first).then().statusCode(202);

        submit(key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", endsWith("/idempotency-key-reused"))
                .body("errors.field", hasItem(HEADER));

        assertThat(rows.countLeads(email(other))).isZero();
        assertThat(rows.countConsentRecordsOf(email(first))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ñandú-1", "tab\there"})
    void malformedKeyIsRefusedWith400NamingTheHeader(String key) {
        Map<String, Object> form = minimal();

        submit(key, form)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(HEADER));
        assertThat(rows.countLeads(email(form))).isZero();
    }

    @Test
    void keyLongerThan255CharactersIsRefusedAnd255AreAccepted() {
        submit("k".repeat(256), minimal()).then().statusCode(400).body("errors.field", hasItem(HEADER));

        String longest = newKey().repeat(8).substring(0, 255);
        submit(longest, minimal()).then().statusCode(202);
    }

    @Test
    void keySentTwiceIsRefused() {
        Forms.post()
                .header(HEADER, newKey())
                .header(HEADER, newKey())
                .body(minimal())
                .post("/api/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(HEADER));
    }

    @Test
    void rejectedRequestDoesNotUseUpItsKey() {
        String key = newKey();
        Map<String, Object> form = minimal();

        submit(key, with(minimal(), "phone", "not a phone")).then().statusCode(400);
        submit(key, form).then().statusCode(202);

        assertThat(rows.countLeads(email(form))).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyGetOneAnswerAndCaptureOnce() throws Exception {
        String key = newKey();
        Map<String, Object> form = minimal();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> answers = new ArrayList<>();
        try {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> submit(key, form));
            }
            for (Future<Response> answer : pool.invokeAll(requests)) {
                answer.get().then().statusCode(202);
                answers.add(answer.get().asString());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).hasSize(8).containsOnly(answers.get(0));
        assertThat(rows.countLeads(email(form))).isEqualTo(1);
        assertThat(rows.countConsentRecordsOf(email(form))).isEqualTo(1);
    }

    @Test
    void retryWhileTheFirstRequestIsStillInProgressGets409AfterWaitingAndLaterSucceeds() throws Exception {
        String key = newKey();
        Map<String, Object> form = minimal();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            // A request that claimed the key and has not committed yet, as a stuck one would look.
            try (PreparedStatement claim = first.prepareStatement(
                    "insert into capture_idempotency (idempotency_key, request_hash, created_at) values (?, 'x',"
                            + " now())")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }

            Response retry = submit(key, form);

            retry.then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/idempotency-key-in-use"))
                    .body("errors.field", hasItem(HEADER));
            assertThat(Duration.ofMillis(retry.time())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            first.rollback();
        }

        submit(key, form).then().statusCode(202);
        assertThat(rows.countLeads(email(form))).isEqualTo(1);
    }

    @Test
    void keyPastItsRetentionIsForgottenAndMayBeUsedAgain() {
        String key = newKey();
        submit(key, minimal()).then().statusCode(202);
        rows.ageIdempotencyKey(key, Duration.ofHours(24).plusMinutes(1));
        Map<String, Object> other = minimal();

        Response answer = submit(key, other);

        answer.then().statusCode(202);
        assertThat(answer.getHeader(LeadCaptureResource.REPLAYED)).isNull();
        assertThat(rows.countLeads(email(other))).isEqualTo(1);
    }

    @Test
    void purgeDeletesKeysPastTheirRetentionAndKeepsYoungerOnes() {
        String old = newKey();
        String young = newKey();
        submit(old, minimal()).then().statusCode(202);
        submit(young, minimal()).then().statusCode(202);
        rows.ageIdempotencyKey(old, Duration.ofHours(25));
        rows.ageIdempotencyKey(young, Duration.ofHours(23));

        keys.purgeExpired();

        assertThat(rows.idempotencyKeyKept(old)).isFalse();
        assertThat(rows.idempotencyKeyKept(young)).isTrue();
    }

    @Test
    void openApiDocumentsTheHeaderAndTheIdempotencyAnswers() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/leads'.post.parameters.name", hasItem(HEADER))
                .body("paths.'/api/leads'.post.responses.'409'", notNullValue())
                .body("paths.'/api/leads'.post.responses.'422'", notNullValue())
                .body("paths.'/api/leads'.post.responses.'202'.headers", hasKey(LeadCaptureResource.REPLAYED));
    }

    private static Response submit(String key, Object body) {
        return Forms.post().header(HEADER, key).body(body).post("/api/leads");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
