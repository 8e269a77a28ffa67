package dev.faro.email.timing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faro.contract.EventEnvelope;
import dev.faro.email.LeadEvents;
import dev.faro.email.reminder.ExpiryReminderEmail;
import dev.faro.email.sending.SendIntent;
import dev.faro.email.sending.SendLedger;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Leads for the timing tests: captured over Kafka like any lead (with marketing consent, in a time zone of the
 * test's choosing), and given marketing mail by recording expiry reminders straight into the ledger, one per step.
 */
final class TimingLeads {

    static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final Instant EXPIRES_AT = Instant.parse("2026-12-26T09:15:31Z");

    private final TestKafka kafka;
    private final EntityManager entityManager;
    private final SendLedger ledger;

    TimingLeads(TestKafka kafka, EntityManager entityManager, SendLedger ledger) {
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.ledger = ledger;
    }

    /** A fresh lead of the demo campaign whose form reported {@code timeZone}, once its contact is stored. */
    LeadEvents captured(String timeZone) {
        return captured(timeZone, "demo");
    }

    /** A fresh lead of {@code campaign}; a null {@code timeZone} is a form that reported none. */
    LeadEvents captured(String timeZone, String campaign) {
        LeadEvents lead = LeadEvents.fresh();
        capture(lead, timeZone, campaign);
        return lead;
    }

    /** Captures {@code lead} (another lead of an address already used, say) and waits for its contact. */
    void capture(LeadEvents lead, String timeZone, String campaign) {
        signUp(lead, timeZone, campaign);
        await().atMost(PROCESSING).until(() -> QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact where lead_id = :lead")
                .setParameter("lead", lead.leadId())
                .getResultList()
                .isEmpty()));
    }

    /** Publishes the lead's key and its LeadCaptured of {@code campaign}, and returns at once. */
    void signUp(LeadEvents lead, String timeZone, String campaign) {
        EventEnvelope captured = lead.captured("Lucía Ibáñez", "es");
        ObjectNode data = (ObjectNode) captured.data();
        data.put("campaign", campaign);
        if (timeZone == null) {
            data.putNull("timeZone");
        } else {
            data.put("timeZone", timeZone);
        }
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured);
    }

    /** Marketing mail for the lead: expiry reminders with steps 0 to {@code count} - 1, all due at once. */
    void remind(LeadEvents lead, int count, String campaign) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int step = 0; step < count; step++) {
                ledger.record(new SendIntent(
                        lead.leadId(),
                        ExpiryReminderEmail.KIND,
                        step,
                        campaign,
                        new ExpiryReminderEmail.Params("TIME-000" + step + "-CODE", EXPIRES_AT)));
            }
        });
    }

    void remind(LeadEvents lead, int count) {
        remind(lead, count, "demo");
    }

    String storedTimeZone(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select time_zone from contact where lead_id = :lead")
                .setParameter("lead", lead.leadId())
                .getSingleResult());
    }

    /** The lead's ledger rows, by step. */
    List<LedgerRow> rows(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            """
                            select message_kind, step, status, next_attempt_at, sent_at, last_error
                            from send_ledger where lead_id = :lead
                            """)
                    .setParameter("lead", lead.leadId())
                    .getResultList();
            return rows.stream()
                    .map(row -> new LedgerRow(
                            (String) row[0],
                            ((Number) row[1]).intValue(),
                            (String) row[2],
                            instant(row[3]),
                            instant(row[4]),
                            (String) row[5]))
                    .sorted(Comparator.comparing(LedgerRow::kind).thenComparingInt(LedgerRow::step))
                    .toList();
        });
    }

    /** The lead's reminders as the ledger holds them. */
    List<LedgerRow> reminders(LeadEvents lead) {
        return rows(lead).stream()
                .filter(row -> row.kind().equals(ExpiryReminderEmail.KIND))
                .toList();
    }

    record LedgerRow(String kind, int step, String status, Instant nextAttemptAt, Instant sentAt, String lastError) {

        boolean sent() {
            return "sent".equals(status);
        }

        boolean pending() {
            return "pending".equals(status);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
