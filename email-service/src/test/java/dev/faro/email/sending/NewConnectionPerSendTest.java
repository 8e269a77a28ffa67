package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every send on a connection of its own, so the SMTP client sets up hundreds of connections while several senders
 * run. Each must be greeted and used at once: a connection whose greeting went unheard would hang its send until the
 * send timeout, and the email would go out on a second attempt.
 */
@QuarkusTest
@TestProfile(NewConnectionPerSendTest.NoKeepAlive.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class NewConnectionPerSendTest {

    private static final int LEADS = 300;

    public static class NoKeepAlive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.keep-alive", "false",
                    // A hung send shows up as a second attempt within the test's wait rather than after it.
                    "faro.email.sending.send-timeout", "5s",
                    "faro.email.sending.initial-backoff", "100ms",
                    "faro.email.sending.max-backoff", "200ms");
        }
    }

    @Inject
    EntityManager entityManager;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void everyEmailGoesOutOnItsFirstAttemptWhenEachSendOpensANewConnection() {
        List<LeadEvents> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(LeadEvents.fresh());
        }
        QuarkusTransaction.requiringNew()
                .run(() -> leads.forEach(lead -> {
                    LedgerRows.contact(entityManager, lead);
                    LedgerRows.pendingIncentive(
                            entityManager, lead, "{\"code\": \"NUEVA\", \"discountPercent\": 15}", Instant.now());
                }));
        List<UUID> leadIds = leads.stream().map(LeadEvents::leadId).toList();

        await().atMost(Duration.ofMinutes(3)).until(() -> count(leadIds, "status = 'sent'") == LEADS);

        assertThat(count(leadIds, "attempts > 1"))
                .as("emails that needed more than one attempt")
                .isZero();
        for (LeadEvents lead : leads) {
            assertThat(inbox.messagesTo(lead.email()))
                    .as("emails to %s", lead.email())
                    .hasSize(1);
        }
    }

    private long count(List<UUID> leadIds, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from send_ledger where lead_id in (:leadIds) and " + condition)
                        .setParameter("leadIds", leadIds)
                        .getSingleResult())
                .longValue());
    }
}
