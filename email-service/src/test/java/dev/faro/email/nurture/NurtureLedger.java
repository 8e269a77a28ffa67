package dev.faro.email.nurture;

import dev.faro.email.LeadEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** What the send ledger holds about a lead's nurture steps, read as the tests need it. */
final class NurtureLedger {

    /** One nurture row of the ledger. */
    record Row(int step, String status, Instant nextAttemptAt, Instant sentAt, String template) {}

    private final EntityManager entityManager;

    NurtureLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The lead's nurture rows, by step. */
    List<Row> rows(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            """
                            select step, status, next_attempt_at, sent_at, params ->> 'template'
                            from send_ledger where lead_id = :lead and message_kind = 'nurture' order by step
                            """)
                    .setParameter("lead", lead.leadId())
                    .getResultList();
            return rows.stream()
                    .map(row -> new Row(
                            ((Number) row[0]).intValue(), (String) row[1], instant(row[2]), instant(row[3]), (String)
                                    row[4]))
                    .toList();
        });
    }

    List<String> statuses(LeadEvents lead) {
        return rows(lead).stream().map(Row::status).toList();
    }

    boolean hasContact(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact where lead_id = :lead")
                .setParameter("lead", lead.leadId())
                .getResultList()
                .isEmpty());
    }

    Instant contactUpdatedAt(LeadEvents lead) {
        return QuarkusTransaction.requiringNew()
                .call(() -> instant(entityManager
                        .createNativeQuery("select updated_at from contact where lead_id = :lead")
                        .setParameter("lead", lead.leadId())
                        .getSingleResult()));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
