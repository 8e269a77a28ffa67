package dev.faro.analytics.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The digest subscriptions marketers configured, one per campaign, replaced as a whole. */
@ApplicationScoped
public class DigestSubscriptions {

    private final EntityManager entityManager;

    public DigestSubscriptions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Optional<DigestSubscription> find(String campaign) {
        return load("where s.campaign = :campaign", campaign).stream().findFirst();
    }

    @Transactional
    public List<DigestSubscription> all() {
        return load("", null);
    }

    /**
     * Stores the campaign's subscription, replacing its subscribers. {@code since} moves to {@code now} only when
     * the frequency is new or changes: editing the list keeps the schedule it had.
     */
    @Transactional
    public DigestSubscription save(String campaign, Frequency frequency, List<Subscriber> subscribers, Instant now) {
        entityManager
                .createNativeQuery(
                        """
                        insert into digest_subscription (campaign, frequency, since, updated_at)
                        values (:campaign, :frequency, :now, :now)
                        on conflict (campaign) do update
                        set since = case when digest_subscription.frequency = excluded.frequency
                                         then digest_subscription.since else excluded.since end,
                            frequency = excluded.frequency, updated_at = excluded.updated_at
                        """)
                .setParameter("campaign", campaign)
                .setParameter("frequency", frequency.label())
                .setParameter("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from digest_subscriber where campaign = :campaign")
                .setParameter("campaign", campaign)
                .executeUpdate();
        for (int position = 0; position < subscribers.size(); position++) {
            Subscriber subscriber = subscribers.get(position);
            entityManager
                    .createNativeQuery(
                            """
                            insert into digest_subscriber (campaign, ordinal, email, locale, time_zone)
                            values (:campaign, :position, :email, :locale, :timeZone)
                            """)
                    .setParameter("campaign", campaign)
                    .setParameter("position", position)
                    .setParameter("email", subscriber.email())
                    .setParameter("locale", subscriber.locale())
                    .setParameter("timeZone", subscriber.timeZone())
                    .executeUpdate();
        }
        return find(campaign).orElseThrow();
    }

    private List<DigestSubscription> load(String where, String campaign) {
        var query = entityManager.createNativeQuery(
                """
                select s.campaign, s.frequency, s.since, r.email, r.locale, r.time_zone
                from digest_subscription s left join digest_subscriber r on r.campaign = s.campaign
                %s order by s.campaign, r.ordinal
                """
                        .formatted(where));
        if (campaign != null) {
            query.setParameter("campaign", campaign);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Row> byCampaign = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Row subscription = byCampaign.computeIfAbsent(
                    (String) row[0],
                    id -> new Row(Frequency.parse((String) row[1]).orElseThrow(), instant(row[2]), new ArrayList<>()));
            if (row[3] != null) {
                subscription.subscribers.add(new Subscriber((String) row[3], (String) row[4], (String) row[5]));
            }
        }
        List<DigestSubscription> subscriptions = new ArrayList<>();
        byCampaign.forEach((id, row) ->
                subscriptions.add(new DigestSubscription(id, row.frequency, List.copyOf(row.subscribers), row.since)));
        return subscriptions;
    }

    private record Row(Frequency frequency, Instant since, List<Subscriber> subscribers) {}

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
