package dev.faro.incentive.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What incentive-service holds on one lead: its incentives, as issued. Redemptions and downloads are not recorded
 * by this service (content is a public file), so there are none to show.
 */
@ApplicationScoped
public class LeadIncentives {

    /** What this service holds on a lead; after erasure, no incentives and {@code erased} true. */
    @Schema(name = "LeadIncentives")
    public record Held(UUID leadId, boolean erased, List<Incentive> incentives) {}

    @Schema(name = "LeadIncentive")
    public record Incentive(
            UUID id,
            String campaign,
            String kind,
            String code,
            Integer discountPercent,
            String contentTitle,
            String contentUrl,
            @Schema(enumeration = {"issued", "expired"}) String status,
            Instant issuedAt,
            Instant expiresAt) {}

    private final EntityManager entityManager;
    private final ErasedLeads erased;

    public LeadIncentives(EntityManager entityManager, ErasedLeads erased) {
        this.entityManager = entityManager;
        this.erased = erased;
    }

    @Transactional
    public Held of(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select id, campaign_id, kind, code, discount_percent, content_title, content_url,
                               case when expires_at <= now() then 'expired' else 'issued' end,
                               issued_at, expires_at
                        from incentive where lead_id = :lead
                        order by issued_at, id
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        List<Incentive> incentives = rows.stream()
                .map(row -> new Incentive(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        row[4] == null ? null : ((Number) row[4]).intValue(),
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        instant(row[8]),
                        instant(row[9])))
                .toList();
        return new Held(leadId, erased.isErased(leadId), incentives);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
