package dev.faro.analytics.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The funnel counters, per campaign and UTC day. Days are UTC everywhere in analytics, so a count never
 * moves between days when a reader or a replica runs in another time zone.
 */
@ApplicationScoped
public class FunnelStore {

    private final EntityManager entityManager;

    public FunnelStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Adds one to {@code stage} on the day {@code occurredAt} falls on. Mandatory transaction: the caller's
     * transaction also records the event id, which is what makes the count exactly-once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(String campaign, Instant occurredAt, FunnelStage stage) {
        // The column comes from the enum, never from input; the upsert lets concurrent consumers of different
        // topics bump the same row without a read-modify-write race.
        String upsert =
                """
                insert into funnel_daily (campaign, day, %1$s) values (:campaign, :day, 1)
                on conflict (campaign, day) do update set %1$s = funnel_daily.%1$s + 1
                """
                        .formatted(stage.column());
        entityManager
                .createNativeQuery(upsert)
                .setParameter("campaign", campaign)
                .setParameter("day", dayOf(occurredAt))
                .executeUpdate();
    }

    /** The counts of a campaign over {@code days}; empty when analytics has never counted anything for it. */
    public Optional<FunnelCounts> totals(String campaign, DayRange days) {
        List<String> bounds = new ArrayList<>();
        days.from().ifPresent(from -> bounds.add("day >= :from"));
        days.to().ifPresent(to -> bounds.add("day <= :to"));
        String inRange = bounds.isEmpty() ? "true" : String.join(" and ", bounds);
        // One pass: count(*) over all days tells a known campaign with a quiet range from an unknown one.
        String sums =
                """
                select count(*),
                       coalesce(sum(leads) filter (where %1$s), 0),
                       coalesce(sum(incentives_issued) filter (where %1$s), 0),
                       coalesce(sum(emails_sent) filter (where %1$s), 0)
                from funnel_daily where campaign = :campaign
                """
                        .formatted(inRange);
        Query query = entityManager.createNativeQuery(sums).setParameter("campaign", campaign);
        days.from().ifPresent(from -> query.setParameter("from", from));
        days.to().ifPresent(to -> query.setParameter("to", to));
        Object[] row = (Object[]) query.getSingleResult();
        if (asLong(row[0]) == 0) {
            return Optional.empty();
        }
        return Optional.of(new FunnelCounts(asLong(row[1]), asLong(row[2]), asLong(row[3])));
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }
}
