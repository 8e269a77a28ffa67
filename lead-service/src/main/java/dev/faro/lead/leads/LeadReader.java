package dev.faro.lead.leads;

import static dev.faro.support.persistence.SqlTimestamps.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads leads as {@link LeadView}s. Lists are keyset-paginated on (created_at, id), newest first, which the index
 * {@code lead_by_campaign_and_time} serves however deep a client pages.
 */
@ApplicationScoped
public class LeadReader {

    private static final String COLUMNS =
            """
            select id, campaign_id, email, name, phone, company, locale, time_zone, status, created_at, confirmed_at,
                   marketing_consent, consent_given_at, landing_page, variant, visitor_id, referrer,
                   utm_source, utm_medium, utm_campaign, utm_term, utm_content
            from lead
            """;

    private final EntityManager entityManager;

    public LeadReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The lead as it is now; empty once it has been erased. */
    @Transactional
    public Optional<LeadView> find(UUID id) {
        Query query =
                entityManager.createNativeQuery(COLUMNS + " where id = :id").setParameter("id", id);
        return rows(query).stream().findFirst().map(LeadReader::view);
    }

    /** Up to {@code limit} leads of the campaign matching {@code filter} that come after {@code after} (or first). */
    @Transactional
    LeadPage page(String campaign, LeadFilter filter, LeadCursor after, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where campaign_id = :campaign");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("campaign", campaign);
        if (filter.from() != null) {
            sql.append(" and created_at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and created_at < :to");
            parameters.put("to", filter.to());
        }
        if (filter.source() != null) {
            sql.append(" and utm_source = :source");
            parameters.put("source", filter.source());
        }
        if (filter.variant() != null) {
            sql.append(" and variant = :variant");
            parameters.put("variant", filter.variant());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.search() != null) {
            // strpos rather than LIKE: a % or _ in what the marketer typed is a character, not a wildcard.
            sql.append(
                    """
                     and (strpos(lower(email), lower(:q)) > 0
                          or strpos(lower(coalesce(name, '')), lower(:q)) > 0
                          or strpos(lower(coalesce(company, '')), lower(:q)) > 0)
                    """);
            parameters.put("q", filter.search());
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", after.createdAt());
            parameters.put("afterId", after.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        parameters.put("limit", limit + 1);

        Query query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        List<LeadView> leads =
                new ArrayList<>(rows(query).stream().map(LeadReader::view).toList());
        if (leads.size() <= limit) {
            return new LeadPage(leads, null);
        }
        leads.remove(limit);
        LeadView last = leads.get(limit - 1);
        return new LeadPage(leads, new LeadCursor(last.createdAt(), last.id()).encode());
    }

    private static LeadView view(Object[] row) {
        return new LeadView(
                (UUID) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (String) row[8],
                instant(row[9]),
                instant(row[10]),
                new LeadView.Consent((Boolean) row[11], instant(row[12])),
                new LeadView.Attribution((String) row[13], (String) row[14], (String) row[15], (String) row[16]),
                new LeadView.Utm(
                        (String) row[17], (String) row[18], (String) row[19], (String) row[20], (String) row[21]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
