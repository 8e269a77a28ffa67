package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.Topics;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.DeadLetterQueue;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class IncentiveDeadLetterTest {

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void unparseableIncentiveIsDeadLetteredAndTheNextEventOnItsPartitionIsStillEmailed() {
        LeadEvents lead = LeadEvents.fresh();
        String garbage = "{\"this is\": not an event";

        lead.captureOn(kafka, "Begoña Sáenz", "es");
        // Same key, so the valid event queues behind the broken record on the same partition.
        kafka.publishRaw(Topics.INCENTIVES.name(), lead.key(), garbage);
        kafka.publish(lead.key(), lead.incentiveIssued("AFTER-0001-CODE"));

        List<ConsumerRecord<String, String>> parked = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> kafka.records(
                                Topics.DEAD_LETTER.name(), r -> lead.key().equals(r.key())),
                        records -> !records.isEmpty());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).value()).isEqualTo(garbage);
        assertThat(TestKafka.header(parked.get(0), DeadLetterQueue.REASON_HEADER))
                .contains("UNPARSEABLE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox.messagesTo(lead.email()))
                .singleElement()
                .satisfies(email -> assertThat(email.text()).contains("AFTER-0001-CODE")));
    }
}
