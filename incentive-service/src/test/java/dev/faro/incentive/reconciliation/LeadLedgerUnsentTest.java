package dev.faro.incentive.reconciliation;

import static dev.faro.incentive.reconciliation.LedgerApi.ledger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.incentive.reconciliation.LedgerRows.OutboxRow;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An event stuck in the outbox: with the relay stopped, a row nobody publishes stays unsent for as long as the test
 * looks at it.
 */
@QuarkusTest
@TestProfile(LeadLedgerUnsentTest.RelayStopped.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class LeadLedgerUnsentTest {

    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.outbox.relay-enabled", "false");
        }
    }

    @Inject
    LedgerRows rows;

    @Test
    void anEventKafkaHasNotAcknowledgedIsReportedUnderUnsentAndOneItHasIsNot() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        String type = EventType.INCENTIVE_ISSUED.cloudEventType();
        OutboxRow sent = rows.outboxEvent(Topics.INCENTIVES.name(), key, type, true);
        OutboxRow unsent = rows.outboxEvent(Topics.INCENTIVES.name(), key, type, false);
        try {
            String recordedAt = ledger(leadId)
                    .statusCode(200)
                    .body("leads[0].leadId", equalTo(key))
                    .body("leads[0].incentives", hasSize(0))
                    .body("leads[0].refusals", hasSize(0))
                    .body("leads[0].unsent", hasSize(1))
                    .body("leads[0].unsent[0].type", equalTo(type))
                    .extract()
                    .path("leads[0].unsent[0].recordedAt");
            assertThat(Instant.parse(recordedAt)).isEqualTo(unsent.createdAt());
        } finally {
            // A relay of a later test would otherwise publish this made-up event.
            rows.deleteOutboxEvents(List.of(sent.seq(), unsent.seq()));
        }
    }
}
