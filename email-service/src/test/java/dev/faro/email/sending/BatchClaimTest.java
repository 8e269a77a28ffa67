package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.email.LeadEvents;
import dev.faro.email.contact.Contacts;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A sender claims its due messages a batch at a time. No sender thread runs here: the test claims, so it sees what a
 * claim leaves in the ledger. The messages are due since 2001, older than anything another test leaves due, so a
 * claim of the one share takes them first.
 */
@QuarkusTest
@TestProfile(BatchClaimTest.NoSenderThreads.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class BatchClaimTest {

    private static final SenderShare ALL_LEADS = new SenderShare(0, 1);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Instant SINCE_2001 = Instant.parse("2001-01-01T00:00:00Z");

    public static class NoSenderThreads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.email.sending.enabled", "false",
                    "faro.email.sending.attempt-timeout", "5m",
                    "faro.email.sending.send-timeout", "30s",
                    "faro.email.sending.claim-batch", "3");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    SendLedger ledger;

    @Inject
    EmailSender sender;

    @Inject
    SenderLiveness liveness;

    @Inject
    Contacts contacts;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    @Order(1)
    void aClaimTakesTheMostOverdueMessagesUpToItsLimitEachLeasedForTheSendsBeforeIt() {
        List<LeadEvents> leads = dueSince2001(5);

        List<DueMessage> claimed = ledger.claimDue(ATTEMPT_TIMEOUT, SEND_TIMEOUT, ALL_LEADS, 3, liveness.key());

        assertThat(claimed).extracting(DueMessage::leadId).containsExactly(idsOf(leads.subList(0, 3)));
        for (int position = 0; position < claimed.size(); position++) {
            DueMessage message = claimed.get(position);
            assertThat(message.attempt()).isEqualTo(1);
            assertThat(message.recipient().email())
                    .isEqualTo(leads.get(position).email());
            Object[] row = row(leads.get(position));
            assertThat(row[0]).isEqualTo("attempting");
            assertThat(((Number) row[1]).intValue()).isEqualTo(1);
            assertThat(row[2]).isEqualTo(message.messageId());
            // The lease covers this message's own attempt plus one send timeout for each message before it.
            double leaseSeconds = ((Number) row[3]).doubleValue();
            assertThat(leaseSeconds)
                    .as("lease of the message at position %d", position)
                    .isCloseTo(ATTEMPT_TIMEOUT.toSeconds() + position * SEND_TIMEOUT.toSeconds(), within(5.0));
            assertThat(row[4]).as("the claim names its sender").isEqualTo(liveness.key());
            assertThat(((Number) row[5]).doubleValue())
                    .as("seconds since the claim")
                    .isBetween(0.0, 5.0);
        }
        assertThat(row(leads.get(3))[0]).as("beyond the limit").isEqualTo("pending");
        assertThat(row(leads.get(4))[0]).as("beyond the limit").isEqualTo("pending");
    }

    @Test
    @Order(2)
    void aReleasedMessageIsDueAgainWithItsAttemptUnspent() {
        List<LeadEvents> leads = dueSince2001(1);
        DueMessage claimed = ledger.claimDue(ATTEMPT_TIMEOUT, SEND_TIMEOUT, ALL_LEADS, 1, liveness.key())
                .get(0);
        assertThat(claimed.leadId()).isEqualTo(leads.get(0).leadId());

        assertThat(ledger.release(claimed)).isTrue();

        Object[] row = row(leads.get(0));
        assertThat(row[0]).isEqualTo("pending");
        assertThat(((Number) row[1]).intValue()).isZero();
        assertThat(((Number) row[3]).doubleValue()).as("seconds until due").isLessThanOrEqualTo(0.0);
    }

    @Test
    @Order(3)
    void anIntentRecordedBeforeItsContactIsClaimableOnlyOnceTheContactIsSaved() {
        LeadEvents lead = LeadEvents.fresh();
        QuarkusTransaction.requiringNew()
                .run(() -> ledger.record(new SendIntent(
                                lead.leadId(),
                                "incentive",
                                0,
                                "demo",
                                Map.of("code", "ESPERA-0001", "discountPercent", 15))
                        .dueAt(SINCE_2001)));
        assertThat(awaitingRecipient(lead)).isTrue();
        assertThat(ledger.claimDue(ATTEMPT_TIMEOUT, SEND_TIMEOUT, ALL_LEADS, 100, liveness.key()))
                .extracting(DueMessage::leadId)
                .doesNotContain(lead.leadId());

        LeadCaptured captured = EventCodec.instance().data(lead.captured("Begoña", "es"), LeadCaptured.class);
        QuarkusTransaction.requiringNew()
                .run(() -> contacts.save(
                        captured,
                        new PersonalData(lead.email(), "Begoña", null, null, "203.0.113.0", "Mozilla/5.0", Map.of())));

        assertThat(awaitingRecipient(lead)).isFalse();
        assertThat(ledger.claimDue(ATTEMPT_TIMEOUT, SEND_TIMEOUT, ALL_LEADS, 100, liveness.key()))
                .extracting(DueMessage::leadId)
                .contains(lead.leadId());
    }

    @Test
    @Order(4)
    void aMessageThatBreaksTheSenderHandsBackTheRestOfItsBatch() {
        await("the sender liveness lock").atMost(Duration.ofSeconds(10)).until(liveness::held);
        List<LeadEvents> leads = dueSince2001(2);
        // A database that refuses to record the first message's outcome (not an outage, which the sender waits out).
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        create function refuse_outcome_of_lead() returns trigger language plpgsql as $$
                        begin
                            if new.lead_id = '%s' and new.status <> 'attempting' then
                                raise exception 'outcome refused by the test';
                            end if;
                            return new;
                        end $$;
                        create trigger refuse_outcome_of_lead before update on send_ledger
                            for each row execute function refuse_outcome_of_lead();
                        """
                                .formatted(leads.get(0).leadId()))
                .executeUpdate());
        try {
            assertThatThrownBy(() -> sender.sendDue(ALL_LEADS)).hasMessageContaining("outcome refused by the test");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("drop trigger refuse_outcome_of_lead on send_ledger;"
                            + " drop function refuse_outcome_of_lead();")
                    .executeUpdate());
        }

        assertThat(row(leads.get(0))[0])
                .as("the message whose outcome went unrecorded, until its lease runs out")
                .isEqualTo("attempting");
        Object[] rest = row(leads.get(1));
        assertThat(rest[0]).isEqualTo("pending");
        assertThat(((Number) rest[1]).intValue()).as("attempts").isZero();
        assertThat(((Number) rest[3]).doubleValue()).as("seconds until due").isLessThanOrEqualTo(0.0);
        assertThat(inbox.messagesTo(leads.get(1).email())).isEmpty();
    }

    /** Last: it stops this application's sender. */
    @Test
    @Order(10)
    void aStoppingSenderHandsBackWhatItClaimedWithoutSendingIt() throws InterruptedException {
        List<LeadEvents> leads = dueSince2001(3);
        sender.stop(new ShutdownEvent());

        assertThat(sender.sendDue(ALL_LEADS)).as("more due").isFalse();

        for (LeadEvents lead : leads) {
            Object[] row = row(lead);
            assertThat(row[0]).as("status for %s", lead.email()).isEqualTo("pending");
            assertThat(((Number) row[1]).intValue()).as("attempts").isZero();
            assertThat(inbox.messagesTo(lead.email())).isEmpty();
        }
    }

    /** Incentive emails for new leads with contacts, due one second apart from 2001-01-01 on, oldest first. */
    private List<LeadEvents> dueSince2001(int count) {
        List<LeadEvents> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(LeadEvents.fresh());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < leads.size(); i++) {
                LedgerRows.contact(entityManager, leads.get(i));
                LedgerRows.pendingIncentive(
                        entityManager,
                        leads.get(i),
                        "{\"code\": \"LOTE-0001\", \"discountPercent\": 15}",
                        SINCE_2001.plusSeconds(i));
            }
        });
        return leads;
    }

    private boolean awaitingRecipient(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select awaiting_recipient from send_ledger where lead_id = :leadId")
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }

    /** Status, attempts, Message-ID and seconds from now until the row is due. */
    private Object[] row(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery(
                        """
                        select status, attempts, message_id, extract(epoch from next_attempt_at - now()),
                               claimed_by, extract(epoch from now() - claimed_at)
                        from send_ledger where lead_id = :leadId
                        """)
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }

    private static UUID[] idsOf(List<LeadEvents> leads) {
        return leads.stream().map(LeadEvents::leadId).toArray(UUID[]::new);
    }
}
