package dev.faro.incentive.privacy;

import dev.faro.incentive.content.ContentDownloads;
import dev.faro.incentive.issuing.OfferGrants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What incentive-service holds on one lead: its incentives, as issued, the order that redeemed each, the downloads
 * of their content, and the campaigns whose offer rules gave it none.
 */
@ApplicationScoped
public class LeadIncentives {

    /** What this service holds on a lead; after erasure, no incentives, no refusals and {@code erased} true. */
    @Schema(name = "LeadIncentives")
    public record Held(
            UUID leadId,
            boolean erased,
            List<Incentive> incentives,
            List<Refusal> refusals,
            List<ContentDownloads.Download> downloads) {}

    @Schema(name = "LeadIncentive")
    public record Incentive(
            UUID id,
            String campaign,
            String kind,
            String code,
            Integer discountPercent,
            String contentTitle,
            String contentUrl,
            @Schema(enumeration = {"issued", "redeemed", "expired"}) String status,
            Instant issuedAt,
            Instant expiresAt,
            @Schema(description = "The order that used the code, if one did") Redemption redemption) {}

    @Schema(name = "LeadIncentiveRedemption")
    public record Redemption(String orderId, BigDecimal orderValue, String currency, Instant redeemedAt) {}

    @Schema(name = "LeadIncentiveRefusal", description = "A campaign whose offer rules gave the lead no incentive")
    public record Refusal(
            String campaign,
            @Schema(description = "The offer selected for the lead; null for the configured default") String offerId,
            @Schema(
                            enumeration = {
                                OfferGrants.EXPIRED,
                                OfferGrants.BUDGET_EXHAUSTED,
                                OfferGrants.CODE_POOL_EXHAUSTED,
                                OfferGrants.FALLBACK_CHAIN_TOO_LONG
                            })
                    String reason,
            Instant refusedAt) {}

    private final EntityManager entityManager;
    private final ErasedLeads erased;
    private final ContentDownloads downloads;

    public LeadIncentives(EntityManager entityManager, ErasedLeads erased, ContentDownloads downloads) {
        this.entityManager = entityManager;
        this.erased = erased;
        this.downloads = downloads;
    }

    @Transactional
    public Held of(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select i.id, i.campaign_id, i.kind, i.code, i.discount_percent, i.content_title,
                               i.content_url,
                               case when r.incentive_id is not null then 'redeemed'
                                    when i.expires_at <= now() then 'expired' else 'issued' end,
                               i.issued_at, i.expires_at, r.order_id, r.order_value, r.currency, r.redeemed_at
                        from incentive i left join redemption r on r.incentive_id = i.id
                        where i.lead_id = :lead
                        order by i.issued_at, i.id
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
                        instant(row[9]),
                        row[10] == null
                                ? null
                                : new Redemption(
                                        (String) row[10],
                                        (BigDecimal) row[11],
                                        ((String) row[12]).trim(),
                                        instant(row[13]))))
                .toList();
        return new Held(leadId, erased.isErased(leadId), incentives, refusals(leadId), downloads.ofLead(leadId));
    }

    private List<Refusal> refusals(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select campaign_id, offer_id, reason, refused_at from incentive_refusal
                        where lead_id = :lead
                        order by refused_at, campaign_id
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .map(row -> new Refusal((String) row[0], (String) row[1], (String) row[2], instant(row[3])))
                .toList();
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
