package dev.faro.analytics.abtest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Visitors and leads per variant and UTC day of one landing page, summed over sources, from the fact table. */
@ApplicationScoped
public class VariantFactStore {

    private final EntityManager entityManager;

    public VariantFactStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<DailyVariantCounts> dailyCounts(String campaign, String landingPage) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select day, variant, sum(visitors), sum(leads) from funnel_fact
                        where campaign = :campaign and landing_page = :page and variant <> ''
                        group by day, variant order by day, variant
                        """)
                .setParameter("campaign", campaign)
                .setParameter("page", landingPage)
                .getResultList();
        List<DailyVariantCounts> counts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof LocalDate date ? date : ((Date) row[0]).toLocalDate();
            counts.add(new DailyVariantCounts(
                    day, (String) row[1], ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        return counts;
    }
}
