package dev.faro.email.reconciliation;

import dev.faro.support.outbox.UnsentEvent;
import dev.faro.support.outbox.UnsentEvents;
import dev.faro.support.persistence.SqlTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads what became of a page of leads: one query per table, whatever the page's size. */
@ApplicationScoped
public class LeadLedgers {

    private final EntityManager entityManager;
    private final UnsentEvents unsentEvents;

    public LeadLedgers(EntityManager entityManager, UnsentEvents unsentEvents) {
        this.entityManager = entityManager;
        this.unsentEvents = unsentEvents;
    }

    @Transactional
    public LeadLedgerReport of(Set<UUID> leads) {
        if (leads.isEmpty()) {
            return new LeadLedgerReport(List.of());
        }
        // One snapshot for every table: a lead's waiting events become its ledger rows, and a sent row its outbox
        // event, in one transaction each; read one table after the other under read committed, a lead caught in
        // between would show neither and be reported missing.
        entityManager
                .createNativeQuery("set transaction isolation level repeatable read, read only")
                .executeUpdate();
        List<UUID> ids = List.copyOf(leads);
        Set<UUID> erased = erased(ids);
        Map<UUID, List<LeadLedger.Message>> messages = messages(ids);
        Map<UUID, List<LeadLedger.AwaitingKey>> awaitingKey = awaitingKey(ids);
        Map<String, List<UnsentEvent>> unsent =
                unsentEvents.of(ids.stream().map(UUID::toString).toList());
        return new LeadLedgerReport(ids.stream()
                .map(lead -> new LeadLedger(
                        lead,
                        erased.contains(lead),
                        messages.getOrDefault(lead, List.of()),
                        awaitingKey.getOrDefault(lead, List.of()),
                        unsent.getOrDefault(lead.toString(), List.of()).stream()
                                .map(event -> new LeadLedger.Unsent(event.type(), event.recordedAt()))
                                .toList()))
                .toList());
    }

    private Set<UUID> erased(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = entityManager
                .createNativeQuery("select lead_id from erased_lead where lead_id in (:ids)")
                .setParameter("ids", ids)
                .getResultList();
        return new HashSet<>(rows);
    }

    private Map<UUID, List<LeadLedger.Message>> messages(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select lead_id, message_kind, step, status, message_id, attempts, awaiting_recipient,
                               created_at, sent_at
                        from send_ledger where lead_id in (:ids)
                        order by created_at, id
                        """)
                .setParameter("ids", ids)
                .getResultList();
        Map<UUID, List<LeadLedger.Message>> messages = new HashMap<>();
        for (Object[] row : rows) {
            messages.computeIfAbsent((UUID) row[0], lead -> new ArrayList<>())
                    .add(new LeadLedger.Message(
                            (String) row[1],
                            ((Number) row[2]).intValue(),
                            (String) row[3],
                            (String) row[4],
                            ((Number) row[5]).intValue(),
                            (Boolean) row[6],
                            SqlTimestamps.instant(row[7]),
                            SqlTimestamps.instant(row[8])));
        }
        return messages;
    }

    private Map<UUID, List<LeadLedger.AwaitingKey>> awaitingKey(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select lead_id, event_type, received_at from lead_event_awaiting_key
                        where lead_id in (:ids) order by position
                        """)
                .setParameter("ids", ids)
                .getResultList();
        Map<UUID, List<LeadLedger.AwaitingKey>> awaiting = new HashMap<>();
        for (Object[] row : rows) {
            awaiting.computeIfAbsent((UUID) row[0], lead -> new ArrayList<>())
                    .add(new LeadLedger.AwaitingKey((String) row[1], SqlTimestamps.instant(row[2])));
        }
        return awaiting;
    }
}
