package dev.faro.incentive.reconciliation;

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

/**
 * What became of a page of leads, read with one query per table for the whole page: an incentive, a refusal by an
 * offer rule, an erasure, an event still waiting in the outbox, or nothing at all (lost, or never heard of).
 */
@ApplicationScoped
public class LeadLedger {

    private final EntityManager entityManager;
    private final UnsentEvents unsentEvents;

    public LeadLedger(EntityManager entityManager, UnsentEvents unsentEvents) {
        this.entityManager = entityManager;
        this.unsentEvents = unsentEvents;
    }

    @Transactional
    public LeadLedgerResponse of(Set<UUID> leads) {
        if (leads.isEmpty()) {
            return new LeadLedgerResponse(List.of());
        }
        List<UUID> ids = List.copyOf(leads);
        Set<UUID> erased = erased(ids);
        Map<UUID, List<LeadLedgerResponse.Incentive>> incentives = incentives(ids);
        Map<UUID, List<LeadLedgerResponse.Refusal>> refusals = refusals(ids);
        // The outbox key of every event about a lead is its id.
        Map<String, List<UnsentEvent>> unsent =
                unsentEvents.of(ids.stream().map(UUID::toString).toList());
        return new LeadLedgerResponse(ids.stream()
                .map(id -> new LeadLedgerResponse.Lead(
                        id,
                        erased.contains(id),
                        incentives.getOrDefault(id, List.of()),
                        refusals.getOrDefault(id, List.of()),
                        unsent.getOrDefault(id.toString(), List.of()).stream()
                                .map(event -> new LeadLedgerResponse.Unsent(event.type(), event.recordedAt()))
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

    private Map<UUID, List<LeadLedgerResponse.Incentive>> incentives(List<UUID> ids) {
        Map<UUID, List<LeadLedgerResponse.Incentive>> incentives = new HashMap<>();
        for (Object[] row : rows(
                """
                select lead_id, campaign_id, kind, issued_at from incentive
                where lead_id in (:ids)
                order by issued_at, id
                """,
                ids)) {
            incentives
                    .computeIfAbsent((UUID) row[0], lead -> new ArrayList<>())
                    .add(new LeadLedgerResponse.Incentive(
                            (String) row[1], (String) row[2], SqlTimestamps.instant(row[3])));
        }
        return incentives;
    }

    private Map<UUID, List<LeadLedgerResponse.Refusal>> refusals(List<UUID> ids) {
        Map<UUID, List<LeadLedgerResponse.Refusal>> refusals = new HashMap<>();
        for (Object[] row : rows(
                """
                select lead_id, campaign_id, reason, refused_at from incentive_refusal
                where lead_id in (:ids)
                order by refused_at, campaign_id
                """,
                ids)) {
            refusals.computeIfAbsent((UUID) row[0], lead -> new ArrayList<>())
                    .add(new LeadLedgerResponse.Refusal(
                            (String) row[1], (String) row[2], SqlTimestamps.instant(row[3])));
        }
        return refusals;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<UUID> ids) {
        return entityManager.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }
}
