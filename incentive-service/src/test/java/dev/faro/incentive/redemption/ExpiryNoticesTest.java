package dev.faro.incentive.redemption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class ExpiryNoticesTest {

    private static final String CAMPAIGN = "recordatorio";

    @Inject
    IncentiveFixtures incentives;

    @Inject
    ExpiryNotices notices;

    private final DiscountCodes codes = new DiscountCodes();

    @Test
    void anUnredeemedIncentiveIsAnnouncedOnceWithinTheNotice() {
        UUID leadId = UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        UUID incentiveId = incentives.insert(leadId, CAMPAIGN, "percent-discount", codes.next(), expiresAt);

        notices.announce();
        notices.announce();

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(expiring(leadId)).hasSize(1));
        IncentiveExpiring expiring = EventCodec.instance().data(expiring(leadId).get(0), IncentiveExpiring.class);
        assertThat(expiring.incentiveId()).isEqualTo(incentiveId);
        assertThat(expiring.leadId()).isEqualTo(leadId);
        assertThat(expiring.campaign()).isEqualTo(CAMPAIGN);
        assertThat(expiring.expiresAt()).isEqualTo(expiresAt);
        assertThat(incentives.announcedAsExpiring(incentiveId)).isTrue();
    }

    @Test
    void redeemedErasedAndDistantIncentivesAreNotAnnounced() {
        UUID redeemedLead = UUID.randomUUID();
        String redeemedCode = codes.next();
        incentives.insert(redeemedLead, CAMPAIGN, "percent-discount", redeemedCode, inDays(1));
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .contentType(ContentType.JSON)
                .body("{\"orderId\": \"ORD-1\", \"orderValue\": 20, \"currency\": \"EUR\"}")
                .post("/api/incentives/{code}/redemptions", redeemedCode)
                .then()
                .statusCode(201);
        UUID erased = incentives.insert(UUID.randomUUID(), CAMPAIGN, "percent-discount", codes.next(), inDays(1));
        incentives.anonymise(erased);
        UUID distantLead = UUID.randomUUID();
        UUID distant = incentives.insert(distantLead, CAMPAIGN, "percent-discount", codes.next(), inDays(10));
        UUID expiredLead = UUID.randomUUID();
        UUID expired = incentives.insert(expiredLead, CAMPAIGN, "percent-discount", codes.next(), inDays(-1));

        notices.announce();

        assertThat(incentives.announcedAsExpiring(incentives.idOf(redeemedCode)))
                .isFalse();
        assertThat(incentives.announcedAsExpiring(erased)).isFalse();
        assertThat(incentives.announcedAsExpiring(distant)).isFalse();
        assertThat(incentives.announcedAsExpiring(expired)).isFalse();
        Set<String> leads = Set.of(redeemedLead.toString(), distantLead.toString(), expiredLead.toString());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        kafka().records(Topics.INCENTIVES.name(), r -> leads.contains(r.key())))
                .map(r -> EventCodec.instance().decode(r.value()).eventType())
                .doesNotContain(EventType.INCENTIVE_EXPIRING));
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static List<EventEnvelope> expiring(UUID leadId) {
        return kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == EventType.INCENTIVE_EXPIRING)
                .toList();
    }

    private static TestKafka kafka() {
        return new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    }
}
