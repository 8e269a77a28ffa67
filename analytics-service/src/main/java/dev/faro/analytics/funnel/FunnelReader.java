package dev.faro.analytics.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the fact table: a campaign's sums over a range of UTC days, in total or per group. */
@ApplicationScoped
public class FunnelReader {

    /** One group's key and sums; {@code landingPage} is set when grouping by variant. */
    public record GroupCounts(String key, String landingPage, FunnelCounts counts) {}

    private final EntityManager entityManager;

    public FunnelReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True once analytics has counted any event of the campaign. */
    public boolean counted(String campaign) {
        return !entityManager
                .createNativeQuery("select 1 from funnel_fact where campaign = :campaign limit 1")
                .setParameter("campaign", campaign)
                .getResultList()
                .isEmpty();
    }

    public FunnelCounts totals(String campaign, DayRange days) {
        Query query = inRange(
                "select " + FunnelCounts.SUMS + " from funnel_fact where campaign = :campaign and %s", campaign, days);
        return FunnelCounts.fromRow((Object[]) query.getSingleResult(), 0);
    }

    /** The groups with any row in the range, ordered by key. */
    public List<GroupCounts> groups(String campaign, DayRange days, Grouping grouping) {
        // Columns and key expressions come from the enum, never from input.
        String page = grouping == Grouping.VARIANT ? "landing_page" : "null";
        String sql = "select " + grouping.key() + ", " + page + ", " + FunnelCounts.SUMS
                + " from funnel_fact where campaign = :campaign and %s"
                + " group by " + grouping.columns() + " order by " + grouping.columns();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inRange(sql, campaign, days).getResultList();
        List<GroupCounts> groups = new ArrayList<>();
        for (Object[] row : rows) {
            groups.add(new GroupCounts((String) row[0], (String) row[1], FunnelCounts.fromRow(row, 2)));
        }
        return groups;
    }

    /** Leads captured before {@code day}: where the growth of the lead base starts from. */
    public long leadsBefore(String campaign, LocalDate day) {
        Object leads = entityManager
                .createNativeQuery(
                        "select coalesce(sum(leads), 0) from funnel_fact where campaign = :campaign and day < :day")
                .setParameter("campaign", campaign)
                .setParameter("day", day)
                .getSingleResult();
        return ((Number) leads).longValue();
    }

    /** The currencies the campaign's redemptions were paid in. */
    public Set<String> revenueCurrencies(String campaign) {
        @SuppressWarnings("unchecked")
        List<String> currencies = entityManager
                .createNativeQuery("select currency from funnel_revenue_currency where campaign = :campaign")
                .setParameter("campaign", campaign)
                .getResultList();
        return Set.copyOf(currencies);
    }

    private Query inRange(String sql, String campaign, DayRange days) {
        List<String> bounds = new ArrayList<>();
        days.from().ifPresent(from -> bounds.add("day >= :from"));
        days.to().ifPresent(to -> bounds.add("day <= :to"));
        String range = bounds.isEmpty() ? "true" : String.join(" and ", bounds);
        Query query = entityManager.createNativeQuery(sql.formatted(range)).setParameter("campaign", campaign);
        days.from().ifPresent(from -> query.setParameter("from", from));
        days.to().ifPresent(to -> query.setParameter("to", to));
        return query;
    }
}
