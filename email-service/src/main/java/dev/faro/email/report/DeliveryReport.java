package dev.faro.email.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts a campaign's send-ledger rows by message kind and status. */
@ApplicationScoped
public class DeliveryReport {

    private final EntityManager entityManager;

    public DeliveryReport(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public CampaignEmails of(String campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select message_kind,
                               count(*) filter (where status = 'pending'),
                               count(*) filter (where status = 'attempting'),
                               count(*) filter (where status = 'sent'),
                               count(*) filter (where status = 'failed'),
                               count(*) filter (where status = 'suppressed'),
                               count(*) filter (where status = 'cancelled'),
                               count(*)
                        from send_ledger
                        where campaign = :campaign
                        group by message_kind
                        order by message_kind
                        """)
                .setParameter("campaign", campaign)
                .getResultList();
        Map<String, StatusCounts> kinds = new LinkedHashMap<>();
        StatusCounts totals = StatusCounts.NONE;
        for (Object[] row : rows) {
            StatusCounts counts = new StatusCounts(
                    count(row[1]),
                    count(row[2]),
                    count(row[3]),
                    count(row[4]),
                    count(row[5]),
                    count(row[6]),
                    count(row[7]));
            kinds.put((String) row[0], counts);
            totals = totals.plus(counts);
        }
        return new CampaignEmails(campaign, kinds, totals);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
