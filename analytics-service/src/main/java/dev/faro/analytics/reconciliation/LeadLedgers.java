package dev.faro.analytics.reconciliation;

import dev.faro.analytics.funnel.FunnelStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Reads what the funnel counted for a page of leads: two queries whatever the number of leads. */
@ApplicationScoped
public class LeadLedgers {

    /** The stages every entry reports, zero when nothing was counted: those a reconciliation always checks. */
    static final List<FunnelStage> ALWAYS_REPORTED = List.of(
            FunnelStage.LEAD_CAPTURED,
            FunnelStage.LEAD_CONFIRMED,
            FunnelStage.INCENTIVE_ISSUED,
            FunnelStage.EMAIL_SENT,
            FunnelStage.EMAIL_FAILED);

    private static final List<String> STAGE_ORDER =
            Arrays.stream(FunnelStage.values()).map(FunnelStage::column).toList();

    private final EntityManager entityManager;

    public LeadLedgers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public LeadLedgerReport of(Set<UUID> leads) {
        if (leads.isEmpty()) {
            return new LeadLedgerReport(List.of());
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> read(connection, leads));
    }

    private static LeadLedgerReport read(Connection connection, Set<UUID> leads) throws SQLException {
        Array ids = connection.createArrayOf("uuid", leads.toArray());
        Set<UUID> attributed = new HashSet<>();
        try (PreparedStatement select =
                connection.prepareStatement("select lead_id from lead_attribution where lead_id = any(?)")) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attributed.add(rows.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, Map<String, Long>> counted = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement("select lead_id, stage, times from lead_counted where lead_id = any(?)")) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counted.computeIfAbsent(rows.getObject(1, UUID.class), lead -> new HashMap<>())
                            .put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        List<LeadLedgerReport.Entry> entries = new ArrayList<>(leads.size());
        for (UUID lead : leads) {
            entries.add(new LeadLedgerReport.Entry(
                    lead, attributed.contains(lead), inStageOrder(counted.getOrDefault(lead, Map.of()))));
        }
        return new LeadLedgerReport(entries);
    }

    /** The stages always reported, then any other counted, in the funnel's order (a stage it no longer has last). */
    private static Map<String, Long> inStageOrder(Map<String, Long> stored) {
        Map<String, Long> counted = new LinkedHashMap<>();
        for (FunnelStage stage : ALWAYS_REPORTED) {
            counted.put(stage.column(), stored.getOrDefault(stage.column(), 0L));
        }
        stored.keySet().stream()
                .filter(stage -> !counted.containsKey(stage))
                .sorted(Comparator.comparingInt(LeadLedgers::position).thenComparing(Comparator.naturalOrder()))
                .forEach(stage -> counted.put(stage, stored.get(stage)));
        return counted;
    }

    private static int position(String stage) {
        int position = STAGE_ORDER.indexOf(stage);
        return position < 0 ? Integer.MAX_VALUE : position;
    }
}
