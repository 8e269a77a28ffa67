package dev.faro.lead.confirmation;

import static dev.faro.lead.confirmation.DoubleOptInLeads.awaitEvents;
import static dev.faro.lead.confirmation.DoubleOptInLeads.campaign;
import static dev.faro.lead.confirmation.DoubleOptInLeads.firstLink;
import static dev.faro.lead.confirmation.DoubleOptInLeads.submit;
import static dev.faro.lead.confirmation.DoubleOptInLeads.token;
import static dev.faro.lead.confirmation.DoubleOptInLeads.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.LeadErased;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestPrivacy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class UnconfirmedLeadPurgeTest {

    @Inject
    ConfirmationRows rows;

    @Inject
    UnconfirmedLeadPurge purge;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void pendingLeadOlderThanTheLimitIsErasedEverywhereWhileConfirmedAndRecentOnesStay() {
        String campaign = campaign("es");
        String stale = submit(uniqueEmail(), campaign);
        String confirmed = submit(uniqueEmail(), campaign);
        String recent = submit(uniqueEmail(), campaign);
        given().accept("application/json")
                .queryParam("token", token(firstLink(kafka(), confirmed)))
                .get("/api/leads/confirm")
                .then()
                .statusCode(200);
        rows.age(stale, Duration.ofDays(31));
        rows.age(confirmed, Duration.ofDays(31));
        rows.age(recent, Duration.ofDays(29));

        purge.purge();

        assertThat(rows.status(stale)).isEmpty();
        assertThat(rows.status(confirmed)).contains("confirmed");
        assertThat(rows.status(recent)).contains("pending");
        EventEnvelope erased =
                awaitEvents(kafka(), stale, EventType.LEAD_ERASED, 1).get(0);
        assertThat(EventCodec.instance().data(erased, LeadErased.class))
                .isEqualTo(new LeadErased(UUID.fromString(stale), campaign, "unconfirmed"));
        await("the key of lead " + stale + " destroyed")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(TestPrivacy.keyEvents(kafka(), UUID.fromString(stale)))
                        .extracting(EventEnvelope::eventType)
                        .containsExactly(EventType.LEAD_KEY_ISSUED, EventType.LEAD_KEY_DESTROYED));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rows.unsentOutboxEvents(List.of(stale, confirmed, recent)) == 0);
        assertThat(DoubleOptInLeads.events(kafka(), confirmed, EventType.LEAD_ERASED))
                .isEmpty();
        assertThat(DoubleOptInLeads.events(kafka(), recent, EventType.LEAD_ERASED))
                .isEmpty();
        assertThat(TestPrivacy.keyEvents(kafka(), UUID.fromString(confirmed)))
                .extracting(EventEnvelope::eventType)
                .containsExactly(EventType.LEAD_KEY_ISSUED);
    }

    @Test
    void purgeWorksThroughABacklogLargerThanOneBatch() {
        String campaign = campaign("en");
        List<String> stale = IntStream.range(0, 60)
                .mapToObj(i -> submit(uniqueEmail(), campaign))
                .toList();
        stale.forEach(lead -> rows.age(lead, Duration.ofDays(40)));

        purge.purge();

        assertThat(stale).allSatisfy(lead -> assertThat(rows.status(lead)).isEmpty());
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
