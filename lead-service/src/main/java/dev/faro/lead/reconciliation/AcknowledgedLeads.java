package dev.faro.lead.reconciliation;

import dev.faro.support.persistence.SqlTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The leads captured in a window, page by page in (created_at, id) order (index {@code lead_by_capture_time}), so a
 * window of any size is read in pages of bounded size. An erased lead has no row, and is no longer reconciled.
 */
@ApplicationScoped
class AcknowledgedLeads {

    private final EntityManager entityManager;

    AcknowledgedLeads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Up to {@code limit} leads captured in [from, to) after {@code after} (null: from the start of the window). */
    @Transactional
    List<AcknowledgedLead> page(Instant from, Instant to, AcknowledgedLead after, int limit) {
        String sql =
                """
                select id, campaign_id, status, created_at from lead
                where created_at >= :from and created_at < :to
                """
                        + (after == null ? "" : " and (created_at, id) > (:afterTime, :afterId)")
                        + " order by created_at, id limit :limit";
        var query = entityManager
                .createNativeQuery(sql)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterTime", after.capturedAt()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AcknowledgedLead> leads = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            leads.add(new AcknowledgedLead(
                    (UUID) row[0], (String) row[1], "pending".equals(row[2]), SqlTimestamps.instant(row[3])));
        }
        return leads;
    }
}
