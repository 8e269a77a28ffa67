package dev.faro.incentive.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.incentive.code.DiscountCodes;
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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class RedemptionTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);
    private static final String CAMPAIGN = "tienda";

    @Inject
    IncentiveFixtures incentives;

    private final DiscountCodes codes = new DiscountCodes();

    @Test
    void anUnauthenticatedCallIsRefusedBeforeTheCodeOrTheBodyIsLookedAt() {
        for (String code : List.of("not a code!", mistyped(codes.next()), codes.next())) {
            given().contentType(ContentType.JSON)
                    .body("{\"orderValue\": -1}")
                    .post("/api/incentives/{code}/redemptions", code)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        given().header("Authorization", "Bearer " + TestTokens.expiredToken(Roles.SHOP))
                .contentType(ContentType.JSON)
                .body(order("ORD-1", "10.00", "EUR"))
                .post("/api/incentives/{code}/redemptions", "garbage")
                .then()
                .statusCode(401);
    }

    @Test
    void aMarketerMayNotRedeem() {
        String code = freshCode(UUID.randomUUID());

        redeem(code, order("ORD-1", "10.00", "EUR"), Roles.MARKETER)
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(incentives.redemptionsOf(incentiveOf(code))).isZero();
    }

    @Test
    void aShopRedeemsAnIssuedCodeAndIncentiveRedeemedCarriesTheRevenue() {
        UUID leadId = UUID.randomUUID();
        kafka().publish(CAMPAIGN, GoldenEvents.campaign(CAMPAIGN));
        kafka().publish(
                        leadId.toString(),
                        GoldenEvents.fresh(
                                EventType.LEAD_CAPTURED,
                                Map.of("leadId", leadId, "campaign", CAMPAIGN, "confirmationRequired", false)));
        IncentiveIssued issued = awaitEvent(leadId, EventType.INCENTIVE_ISSUED, IncentiveIssued.class);

        redeem(issued.code(), order("ORD-2026-0001", "59.9", "EUR"), Roles.SHOP)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("incentiveId", equalTo(issued.incentiveId().toString()))
                .body("campaign", equalTo(CAMPAIGN))
                .body("orderId", equalTo("ORD-2026-0001"))
                .body("orderValue", equalTo(59.9f))
                .body("currency", equalTo("EUR"));

        IncentiveRedeemed redeemed = awaitEvent(leadId, EventType.INCENTIVE_REDEEMED, IncentiveRedeemed.class);
        assertThat(redeemed.incentiveId()).isEqualTo(issued.incentiveId());
        assertThat(redeemed.leadId()).isEqualTo(leadId);
        assertThat(redeemed.campaign()).isEqualTo(CAMPAIGN);
        assertThat(redeemed.orderId()).isEqualTo("ORD-2026-0001");
        assertThat(redeemed.orderValue()).isEqualByComparingTo(new BigDecimal("59.90"));
        assertThat(redeemed.currency()).isEqualTo("EUR");
    }

    @Test
    void theSameOrderReportedAgainGetsTheSameAnswerAndPublishesNothingNew() {
        UUID leadId = UUID.randomUUID();
        String code = freshCode(leadId);

        String first = redeem(code, order("ORD-7", "120.50", "USD"), Roles.SHOP)
                .statusCode(201)
                .extract()
                .asString();
        String again = redeem(code, order("ORD-7", "120.50", "USD"), Roles.ADMIN)
                .statusCode(200)
                .extract()
                .asString();

        assertThat(again).isEqualTo(first);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> assertThat(
                        events(leadId, EventType.INCENTIVE_REDEEMED))
                .hasSize(1));
        assertThat(incentives.redemptionsOf(incentiveOf(code))).isOne();
    }

    @Test
    void aSecondOrderForARedeemedCodeIsAConflict() {
        String code = freshCode(UUID.randomUUID());
        redeem(code, order("ORD-A", "10", "EUR"), Roles.SHOP).statusCode(201);

        redeem(code, order("ORD-B", "10", "EUR"), Roles.SHOP)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/code-already-redeemed"));
    }

    @Test
    void aMistypedCodeIsABadRequestNamingTheCode() {
        String code = freshCode(UUID.randomUUID());

        redeem(mistyped(code), order("ORD-1", "10", "EUR"), Roles.SHOP)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/code-mistyped"))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void aCodeNobodyHasIsNotFound() {
        redeem(codes.next(), order("ORD-1", "10", "EUR"), Roles.SHOP)
                .statusCode(404)
                .body("type", endsWith("/code-unknown"));
        redeem("VERANO-2026-XL", order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(404);
    }

    @Test
    void aPoolCodeIsFoundEvenWhenItLooksLikeAMistypedFaroCode() {
        String poolCode = mistyped(codes.next());
        incentives.insert(UUID.randomUUID(), CAMPAIGN, "percent-discount", poolCode, inDays(30));

        redeem(poolCode, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(201);
    }

    @Test
    void aFaroCodeIsFoundHoweverItIsTyped() {
        String code = freshCode(UUID.randomUUID());
        String typed = code.replace("-", " ").toLowerCase(Locale.ROOT);

        redeem(typed, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(201);
    }

    @Test
    void aPrefixedFaroCodeIsFoundHoweverItIsTypedAndCheckedWhenMistyped() {
        String code = codes.next("PRMX");
        incentives.insert(UUID.randomUUID(), CAMPAIGN, "percent-discount", code, inDays(30));
        String compact = code.replace("-", "").toLowerCase(Locale.ROOT);

        redeem("PRMX-" + mistyped(code.substring("PRMX-".length())), order("ORD-1", "10", "EUR"), Roles.SHOP)
                .statusCode(400)
                .body("type", endsWith("/code-mistyped"));
        redeem(compact, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(201);
    }

    @Test
    void theCodeOfAnErasedLeadIsNotFound() {
        String code = freshCode(UUID.randomUUID());
        incentives.anonymise(incentiveOf(code));

        redeem(code, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(404);
    }

    @Test
    void anExpiredCodeIsGone() {
        String code = codes.next();
        UUID incentiveId = incentives.insert(UUID.randomUUID(), CAMPAIGN, "percent-discount", code, inDays(-1));

        redeem(code, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(410).body("type", endsWith("/code-expired"));
        assertThat(incentives.redemptionsOf(incentiveId)).isZero();
    }

    @Test
    void anInvalidOrderIsRefusedNamingEachField() {
        String code = freshCode(UUID.randomUUID());

        redeem(code, "{\"orderId\": \" \", \"orderValue\": -1.234, \"currency\": \"ABC\"}", Roles.SHOP)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("currency", "orderId", "orderValue", "orderValue"));
        redeem(code, order("ORD-1", "10.001", "eur"), Roles.SHOP)
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("currency", "orderValue"));
        assertThat(incentives.redemptionsOf(incentiveOf(code))).isZero();
    }

    @Test
    void aCodeInTheAddressWithSqlMarkupOrPathCharactersIsUnknownNeverAFailure() {
        String code = freshCode(UUID.randomUUID());
        List<String> hostile = List.of(
                "' OR '1'='1",
                "x'; drop table incentive; --",
                "' UNION SELECT code FROM incentive --",
                "../../api/admin/offers",
                "..%2F..%2Fq%2Fhealth",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "\u0000",
                code + "\u0000",
                "\u00e9\u4e2d\ud83d\ude00",
                code.repeat(20));
        for (String path : hostile) {
            String body = redeem(path, order("ORD-1", "10", "EUR"), Roles.SHOP)
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/code-unknown"))
                    .extract()
                    .asString();
            assertThat(body).as("answer to %s", path).doesNotContain("<", "'", "..");
        }
        for (String dots : List.of(".", "..")) {
            redeem(dots, order("ORD-1", "10", "EUR"), Roles.SHOP)
                    .statusCode(404)
                    .contentType("application/problem+json");
        }

        assertThat(incentives.redemptionsOf(incentiveOf(code))).isZero();
        redeem(code, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(201);
    }

    @Test
    void aCodeThatLooksLikeSqlMatchesOnlyItself() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String poolCode = "X'OR'1'='1'--" + unique;
        incentives.insert(UUID.randomUUID(), CAMPAIGN, "percent-discount", poolCode, inDays(30));

        for (String near : List.of("Y'OR'1'='1'--" + unique, "X'OR'1'='1", "%'OR'1'='1'--" + unique)) {
            redeem(near, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(404);
        }
        redeem(poolCode, order("ORD-1", "10", "EUR"), Roles.SHOP).statusCode(201);
    }

    @Test
    void anOrderIdWithSqlOrMarkupIsRecordedVerbatimAndOneWithControlCharactersIsRefused() {
        UUID leadId = UUID.randomUUID();
        String code = freshCode(leadId);
        String orderId = "ORD'); drop table redemption; -- <script>alert(1)</script>";

        redeem(code, order(orderId, "10", "EUR"), Roles.SHOP).statusCode(201).body("orderId", equalTo(orderId));
        assertThat(awaitEvent(leadId, EventType.INCENTIVE_REDEEMED, IncentiveRedeemed.class)
                        .orderId())
                .isEqualTo(orderId);

        String other = freshCode(UUID.randomUUID());
        for (String controlled : List.of("ORD\\u0000-1", "ORD-1\\r\\nX-Injected: 1")) {
            redeem(other, order(controlled, "10", "EUR"), Roles.SHOP)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("orderId"));
        }
        assertThat(incentives.redemptionsOf(incentiveOf(other))).isZero();
    }

    @Test
    void ordersRacingForOneCodeLeaveExactlyOneWinner() throws Exception {
        UUID leadId = UUID.randomUUID();
        String code = freshCode(leadId);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String body = order("RACE-" + i, "10", "EUR");
                Callable<Integer> race =
                        () -> redeem(code, body, Roles.SHOP).extract().statusCode();
                answers.add(pool.submit(race));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses)
                    .containsOnly(201, 409)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(incentives.redemptionsOf(incentiveOf(code))).isOne();
        await().during(Duration.ofSeconds(2)).atMost(EVENT_TIMEOUT).untilAsserted(() -> assertThat(
                        events(leadId, EventType.INCENTIVE_REDEEMED))
                .hasSize(1));
    }

    private String freshCode(UUID leadId) {
        String code = codes.next();
        incentives.insert(leadId, CAMPAIGN, "percent-discount", code, inDays(30));
        return code;
    }

    private UUID incentiveOf(String code) {
        return incentives.idOf(code);
    }

    /** The code with its first random character replaced, which its check character catches. */
    private static String mistyped(String code) {
        char first = code.charAt(0);
        return (first == 'A' ? 'C' : 'A') + code.substring(1);
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static String order(String orderId, String value, String currency) {
        return "{\"orderId\": \"" + orderId + "\", \"orderValue\": " + value + ", \"currency\": \"" + currency + "\"}";
    }

    private static ValidatableResponse redeem(String code, String body, String role) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/incentives/{code}/redemptions", code)
                .then();
    }

    private static <T extends Record> T awaitEvent(UUID leadId, EventType type, Class<T> data) {
        List<EventEnvelope> found = new ArrayList<>();
        await().atMost(EVENT_TIMEOUT).untilAsserted(() -> {
            found.clear();
            found.addAll(events(leadId, type));
            assertThat(found).hasSize(1);
        });
        return EventCodec.instance().data(found.get(0), data);
    }

    private static List<EventEnvelope> events(UUID leadId, EventType type) {
        return kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == type)
                .toList();
    }

    private static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }
}
