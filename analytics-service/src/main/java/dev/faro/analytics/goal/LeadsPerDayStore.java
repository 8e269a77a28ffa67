package dev.faro.analytics.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A campaign's leads per UTC day, over every landing page, variant and source, from the fact table. */
@ApplicationScoped
public class LeadsPerDayStore {

    private final EntityManager entityManager;

    public LeadsPerDayStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public SortedMap<LocalDate, Long> leadsPerDay(String campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select day, sum(leads) from funnel_fact where campaign = :campaign group by day order by day")
                .setParameter("campaign", campaign)
                .getResultList();
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        for (Object[] row : rows) {
            perDay.put(localDate(row[0]), ((Number) row[1]).longValue());
        }
        return perDay;
    }

    static LocalDate localDate(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
