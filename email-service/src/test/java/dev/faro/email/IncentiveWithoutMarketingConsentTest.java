package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marketing consent governs marketing mail, not the incentive the lead asked for. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class IncentiveWithoutMarketingConsentTest {

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Test
    void aLeadWithoutMarketingConsentStillGetsItsIncentiveAndIsKeptAsNotConsenting() {
        LeadEvents lead = LeadEvents.fresh();
        EventEnvelope captured = lead.captured("Nora Sin Consentimiento", "es");
        ((ObjectNode) captured.data())
                .set(
                        "consent",
                        EventCodec.instance()
                                .mapper()
                                .valueToTree(Map.of(
                                        "marketing",
                                        false,
                                        "textVersion",
                                        "sha256:9f2c5a0e",
                                        "givenAt",
                                        Instant.now().toString())));

        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured);
        kafka.publish(lead.key(), lead.incentiveIssued("NOCO-0001-CODE"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox.messagesTo(lead.email()))
                .singleElement()
                .satisfies(email -> assertThat(email.text()).contains("NOCO-0001-CODE")));
        Boolean consenting = QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select marketing_consent from contact where lead_id = :lead")
                .setParameter("lead", lead.leadId())
                .getSingleResult());
        assertThat(consenting).isFalse();
    }
}
