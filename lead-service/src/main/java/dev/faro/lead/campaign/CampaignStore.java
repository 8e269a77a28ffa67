package dev.faro.lead.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Campaigns in the database. Writes that could race are single statements whose outcome says what happened: an
 * insert that does nothing on a taken id, an update that matches nothing on a stale revision.
 */
@ApplicationScoped
class CampaignStore {

    private final EntityManager entityManager;

    CampaignStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a new campaign at revision 1; false (and nothing stored) when the id is taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean insert(String id, CampaignDefinition definition) {
        Query insert = entityManager.createNativeQuery(
                """
                insert into campaign (id, name, locale, time_zone, double_opt_in, goal_target_leads, goal_lead_type,
                                      goal_deadline, offer_ref, revision)
                values (:id, :name, :locale, :timeZone, :doubleOptIn, :targetLeads, :leadType, :deadline, :offerRef, 1)
                on conflict (id) do nothing
                """);
        boolean inserted =
                bindScalars(insert, definition).setParameter("id", id).executeUpdate() == 1;
        if (inserted) {
            insertLists(id, definition);
        }
        return inserted;
    }

    /**
     * Replaces the definition if {@code revision} is still the current one, moving to the next revision; false
     * (and nothing changed) when the campaign does not exist or is at another revision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean update(String id, long revision, CampaignDefinition definition) {
        Query update = entityManager.createNativeQuery(
                """
                update campaign
                set name = :name, locale = :locale, time_zone = :timeZone, double_opt_in = :doubleOptIn,
                    goal_target_leads = :targetLeads, goal_lead_type = :leadType, goal_deadline = :deadline,
                    offer_ref = :offerRef, revision = revision + 1, updated_at = now()
                where id = :id and revision = :revision
                """);
        int updated = bindScalars(update, definition)
                .setParameter("id", id)
                .setParameter("revision", revision)
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        deleteLists(id);
        insertLists(id, definition);
        return true;
    }

    /** Archives the campaign, moving to the next revision; false when it does not exist or is archived already. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean archive(String id) {
        return entityManager
                        .createNativeQuery(
                                """
                                update campaign set archived = true, revision = revision + 1, updated_at = now()
                                where id = :id and not archived
                                """)
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Campaign> find(String id) {
        return load("where id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<Campaign> list(boolean includeArchived) {
        return load(includeArchived ? "" : "where not archived", Map.of());
    }

    /** The campaign's revision; empty when it does not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    OptionalLong currentRevision(String id) {
        @SuppressWarnings("unchecked")
        List<Number> revisions = entityManager
                .createNativeQuery("select revision from campaign where id = :id")
                .setParameter("id", id)
                .getResultList();
        return revisions.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(revisions.get(0).longValue());
    }

    private Query bindScalars(Query query, CampaignDefinition d) {
        CampaignGoal goal = d.goal();
        // Typed, so a null binds as the column's type rather than as text.
        return query.setParameter("name", d.name())
                .setParameter("locale", d.locale())
                .setParameter("timeZone", d.timeZone())
                .setParameter("doubleOptIn", d.doubleOptIn())
                .setParameter(
                        "targetLeads",
                        new TypedParameterValue<>(StandardBasicTypes.LONG, goal == null ? null : goal.targetLeads()))
                .setParameter("leadType", goal == null ? null : goal.leadType())
                .setParameter(
                        "deadline",
                        new TypedParameterValue<>(StandardBasicTypes.INSTANT, goal == null ? null : goal.deadline()))
                .setParameter("offerRef", d.offerRef());
    }

    private void deleteLists(String id) {
        // Variants go with their landing page (on delete cascade).
        for (String table : List.of(
                "campaign_landing_page", "campaign_allowed_origin", "campaign_spend", "campaign_custom_field")) {
            entityManager
                    .createNativeQuery("delete from " + table + " where campaign_id = :id")
                    .setParameter("id", id)
                    .executeUpdate();
        }
    }

    private void insertLists(String id, CampaignDefinition d) {
        for (int i = 0; i < d.landingPages().size(); i++) {
            LandingPage page = d.landingPages().get(i);
            entityManager
                    .createNativeQuery(
                            "insert into campaign_landing_page (campaign_id, id, position) values (:campaign, :id, :position)")
                    .setParameter("campaign", id)
                    .setParameter("id", page.id())
                    .setParameter("position", i)
                    .executeUpdate();
            for (int v = 0; v < page.variants().size(); v++) {
                entityManager
                        .createNativeQuery(
                                """
                                insert into campaign_landing_page_variant (campaign_id, landing_page_id, id, position)
                                values (:campaign, :page, :id, :position)
                                """)
                        .setParameter("campaign", id)
                        .setParameter("page", page.id())
                        .setParameter("id", page.variants().get(v))
                        .setParameter("position", v)
                        .executeUpdate();
            }
        }
        for (int i = 0; i < d.allowedOrigins().size(); i++) {
            entityManager
                    .createNativeQuery(
                            """
                            insert into campaign_allowed_origin (campaign_id, origin, position)
                            values (:campaign, :origin, :position)
                            """)
                    .setParameter("campaign", id)
                    .setParameter("origin", d.allowedOrigins().get(i))
                    .setParameter("position", i)
                    .executeUpdate();
        }
        for (int i = 0; i < d.spend().size(); i++) {
            Spend spend = d.spend().get(i);
            entityManager
                    .createNativeQuery(
                            """
                            insert into campaign_spend (campaign_id, source, amount, currency, position)
                            values (:campaign, :source, :amount, :currency, :position)
                            """)
                    .setParameter("campaign", id)
                    .setParameter("source", spend.source())
                    .setParameter("amount", spend.amount())
                    .setParameter("currency", spend.currency())
                    .setParameter("position", i)
                    .executeUpdate();
        }
        for (int i = 0; i < d.customFields().size(); i++) {
            CustomField field = d.customFields().get(i);
            entityManager
                    .createNativeQuery(
                            """
                            insert into campaign_custom_field (campaign_id, name, type, required, position)
                            values (:campaign, :name, :type, :required, :position)
                            """)
                    .setParameter("campaign", id)
                    .setParameter("name", field.name())
                    .setParameter("type", field.type())
                    .setParameter("required", field.required())
                    .setParameter("position", i)
                    .executeUpdate();
        }
    }

    /** Campaigns matching {@code where}, newest first, each with its lists (one query per list, not per campaign). */
    private List<Campaign> load(String where, Map<String, Object> parameters) {
        Query query = entityManager.createNativeQuery(
                """
                select id, revision, archived, name, locale, time_zone, double_opt_in, goal_target_leads,
                       goal_lead_type, goal_deadline, offer_ref, created_at, updated_at
                from campaign
                """
                        + where
                        + " order by created_at desc, id");
        parameters.forEach(query::setParameter);
        List<Object[]> rows = rows(query);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
        Map<String, List<LandingPage>> pages = landingPages(ids);
        Map<String, List<String>> origins = grouped(
                "select campaign_id, origin from campaign_allowed_origin where campaign_id in (:ids) order by position",
                ids,
                row -> (String) row[1]);
        Map<String, List<Spend>> spend = grouped(
                """
                select campaign_id, source, amount, currency from campaign_spend where campaign_id in (:ids)
                order by position
                """,
                ids,
                row -> new Spend((String) row[1], ((BigDecimal) row[2]).setScale(2), (String) row[3]));
        Map<String, List<CustomField>> fields = grouped(
                """
                select campaign_id, name, type, required from campaign_custom_field where campaign_id in (:ids)
                order by position
                """,
                ids,
                row -> new CustomField((String) row[1], (String) row[2], (Boolean) row[3]));
        List<Campaign> campaigns = new ArrayList<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            CampaignGoal goal = row[7] == null
                    ? null
                    : new CampaignGoal(((Number) row[7]).longValue(), (String) row[8], instant(row[9]));
            CampaignDefinition definition = new CampaignDefinition(
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    pages.getOrDefault(id, List.of()),
                    origins.getOrDefault(id, List.of()),
                    goal,
                    spend.getOrDefault(id, List.of()),
                    (Boolean) row[6],
                    fields.getOrDefault(id, List.of()),
                    (String) row[10]);
            campaigns.add(new Campaign(
                    id,
                    ((Number) row[1]).longValue(),
                    (Boolean) row[2],
                    definition,
                    instant(row[11]),
                    instant(row[12])));
        }
        return campaigns;
    }

    private Map<String, List<LandingPage>> landingPages(Collection<String> ids) {
        Query query = entityManager
                .createNativeQuery(
                        """
                        select p.campaign_id, p.id, v.id
                        from campaign_landing_page p
                        left join campaign_landing_page_variant v
                               on v.campaign_id = p.campaign_id and v.landing_page_id = p.id
                        where p.campaign_id in (:ids)
                        order by p.campaign_id, p.position, v.position
                        """)
                .setParameter("ids", ids);
        Map<String, Map<String, List<String>>> variants = new LinkedHashMap<>();
        for (Object[] row : rows(query)) {
            List<String> ofPage = variants.computeIfAbsent((String) row[0], c -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], p -> new ArrayList<>());
            if (row[2] != null) {
                ofPage.add((String) row[2]);
            }
        }
        Map<String, List<LandingPage>> pages = new LinkedHashMap<>();
        variants.forEach((campaign, byPage) -> pages.put(
                campaign,
                byPage.entrySet().stream()
                        .map(page -> new LandingPage(page.getKey(), List.copyOf(page.getValue())))
                        .toList()));
        return pages;
    }

    private <T> Map<String, List<T>> grouped(
            String sql, Collection<String> ids, java.util.function.Function<Object[], T> mapper) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        for (Object[] row : rows(entityManager.createNativeQuery(sql).setParameter("ids", ids))) {
            grouped.computeIfAbsent((String) row[0], c -> new ArrayList<>()).add(mapper.apply(row));
        }
        return grouped;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
