package dev.faro.incentive.issuing;

import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.incentive.offer.Offer;
import dev.faro.incentive.offer.OfferCatalogue;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Issues a lead's incentive for a campaign. The unique key on (lead, campaign) makes a second attempt, from
 * a redelivery or a concurrent consumer, a no-op; only the attempt that inserted the row publishes.
 */
@ApplicationScoped
public class IncentiveIssuer {

    private final EntityManager entityManager;
    private final OfferCatalogue offers;
    private final Outbox outbox;
    private final CampaignViews campaigns;
    private final DiscountCodes codes = new DiscountCodes();

    public IncentiveIssuer(EntityManager entityManager, OfferCatalogue offers, Outbox outbox, CampaignViews campaigns) {
        this.entityManager = entityManager;
        this.offers = offers;
        this.outbox = outbox;
        this.campaigns = campaigns;
    }

    /** Returns whether this call issued the incentive (false if the lead already had one for the campaign). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issue(UUID leadId, String campaignId) {
        // Issuing for a campaign this service has not heard of would skip its settings; wait for it instead.
        campaigns.require(campaignId);
        Offer offer = offers.forCampaign(campaignId);
        UUID incentiveId = UUID.randomUUID();
        String code = offer.discountPercent() == null ? null : codes.next();
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = issuedAt.plus(offer.validity());
        int inserted = entityManager
                .createNativeQuery(
                        """
                        insert into incentive (id, lead_id, campaign_id, kind, code, discount_percent,
                                               content_title, content_url, issued_at, expires_at)
                        values (:id, :lead, :campaign, :kind, :code, :discount, :title, :url, :issuedAt, :expiresAt)
                        on conflict (lead_id, campaign_id) do nothing
                        """)
                .setParameter("id", incentiveId)
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .setParameter("kind", IncentiveIssued.DISCOUNT_CODE)
                .setParameter("code", code)
                .setParameter("discount", offer.discountPercent())
                .setParameter("title", offer.contentTitle())
                .setParameter("url", offer.contentUrl())
                .setParameter("issuedAt", issuedAt)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        IncentiveIssued.Content content = offer.contentTitle() == null
                ? null
                : new IncentiveIssued.Content(offer.contentTitle(), offer.contentUrl());
        outbox.append(
                leadId.toString(),
                new IncentiveIssued(
                        incentiveId,
                        leadId,
                        campaignId,
                        IncentiveIssued.DISCOUNT_CODE,
                        code,
                        offer.discountPercent(),
                        content,
                        expiresAt));
        return true;
    }
}
