package dev.faro.lead.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Campaigns of their own and lead rows written straight into the table, for tests of what is read back: they
 * choose what capture decides (creation time, status) and need not go through the public endpoint.
 */
@ApplicationScoped
public class TestLeads {

    private final EntityManager entityManager;

    public TestLeads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public String campaign() {
        String id = "leads-" + UUID.randomUUID().toString().substring(0, 13);
        entityManager
                .createNativeQuery(
                        """
                        insert into campaign (id, name, locale, time_zone, double_opt_in)
                        values (:id, 'Leads test', 'es', 'Europe/Madrid', false)
                        """)
                .setParameter("id", id)
                .executeUpdate();
        return id;
    }

    /**
     * Inserts a confirmed lead of the campaign with a fresh address, created now, with {@code columns} (lead table
     * column names) set on top; returns its id.
     */
    @Transactional
    public UUID insert(String campaign, Map<String, Object> columns) {
        UUID id = UUID.randomUUID();
        Instant createdAt =
                (Instant) columns.getOrDefault("created_at", Instant.now().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("campaign_id", campaign);
        values.put("email", id + "@example.org");
        values.put("locale", "es");
        values.put("time_zone", "Europe/Madrid");
        values.put("marketing_consent", true);
        values.put("consent_given_at", createdAt);
        values.put("status", "confirmed");
        values.put("confirmed_at", createdAt);
        values.putAll(columns);
        values.put("created_at", createdAt);
        if ("pending".equals(values.get("status"))) {
            values.remove("confirmed_at");
        }
        Query insert = entityManager.createNativeQuery("insert into lead (%s) values (%s)"
                .formatted(
                        String.join(", ", values.keySet()),
                        values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "))));
        values.forEach(insert::setParameter);
        insert.executeUpdate();
        return id;
    }

    /** Inserts {@code count} plain leads of the campaign, one a second back from {@code newest}. */
    @Transactional
    public void insertMany(String campaign, int count, Instant newest) {
        entityManager
                .createNativeQuery(
                        """
                        insert into lead (id, campaign_id, email, locale, time_zone, marketing_consent,
                                          consent_given_at, created_at, status, confirmed_at)
                        select gen_random_uuid(), :campaign, 'bulk-' || n || '-' || :campaign || '@example.org', 'es',
                               'UTC', false, :newest, cast(:newest as timestamptz) - make_interval(secs => n), 'confirmed',
                               :newest
                        from generate_series(1, :count) as n
                        """)
                .setParameter("campaign", campaign)
                .setParameter("newest", newest)
                .setParameter("count", count)
                .executeUpdate();
    }

    /** Erases the lead the way erasure does: the row goes, and whatever references it with it. */
    @Transactional
    public void erase(UUID lead) {
        entityManager
                .createNativeQuery("delete from lead where id = :id")
                .setParameter("id", lead)
                .executeUpdate();
    }
}
