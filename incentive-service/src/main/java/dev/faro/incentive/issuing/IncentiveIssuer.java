package dev.faro.incentive.issuing;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.incentive.offer.ContentUrls;
import dev.faro.incentive.offer.Offer;
import dev.faro.incentive.offer.OfferCatalogue;
import dev.faro.support.campaign.CampaignViews;
import dev.faro.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Issues a lead's incentive for a campaign from the offer its variant or campaign has (or a fallback of it). Issues
 * for one lead and campaign run one at a time, so a redelivery or a concurrent consumer finds the incentive there and
 * takes no budget; the unique key on (lead, campaign) still decides, and only the attempt that inserted the row
 * publishes.
 */
@ApplicationScoped
public class IncentiveIssuer {

    private static final Logger LOG = Logger.getLogger(IncentiveIssuer.class);

    private final EntityManager entityManager;
    private final OfferCatalogue offers;
    private final OfferGrants grants;
    private final ContentUrls contentUrls;
    private final Outbox outbox;
    private final CampaignViews campaigns;
    private final IncentiveRefusals refusals;
    private final MeterRegistry meters;

    public IncentiveIssuer(
            EntityManager entityManager,
            OfferCatalogue offers,
            OfferGrants grants,
            ContentUrls contentUrls,
            Outbox outbox,
            CampaignViews campaigns,
            IncentiveRefusals refusals,
            MeterRegistry meters) {
        this.entityManager = entityManager;
        this.offers = offers;
        this.grants = grants;
        this.contentUrls = contentUrls;
        this.outbox = outbox;
        this.campaigns = campaigns;
        this.refusals = refusals;
        this.meters = meters;
    }

    /**
     * Returns whether this call issued the incentive: false if the lead already had one, or if an offer rule gave
     * none, which is recorded as the lead's refusal.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issue(UUID leadId, String campaignId, String variant) {
        // Issuing for a campaign this service has not heard of would skip its settings; wait for it instead.
        CampaignChanged campaign = campaigns.require(campaignId);
        if (alreadyIssued(leadId, campaignId)) {
            return false;
        }
        UUID incentiveId = UUID.randomUUID();
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Offer selected = offers.forLead(campaignId, variant, campaign.offerRef());
        OfferGrants.Outcome outcome = grants.take(selected, incentiveId, issuedAt);
        if (outcome instanceof OfferGrants.Refused refused) {
            LOG.infof(
                    "No incentive for lead %s of campaign %s: offer %s cannot be given (%s) and has no fallback left",
                    leadId, campaignId, selected.id(), refused.reason());
            meters.counter("faro.incentives.not.issued", "reason", refused.reason())
                    .increment();
            refusals.record(leadId, campaignId, selected.id(), refused.reason(), issuedAt);
            return false;
        }
        OfferGrants.Granted granted = (OfferGrants.Granted) outcome;
        IncentiveIssued issued = incentive(incentiveId, leadId, campaignId, granted, issuedAt);
        if (!insert(issued, issuedAt)) {
            return false;
        }
        // A refusal from an earlier attempt (before the budget was raised, say) no longer says what became of the lead.
        refusals.forget(leadId, campaignId);
        outbox.append(leadId.toString(), issued);
        return true;
    }

    private IncentiveIssued incentive(
            UUID incentiveId, UUID leadId, String campaignId, OfferGrants.Granted granted, Instant issuedAt) {
        Offer offer = granted.offer();
        Instant expiresAt = offer.expiresAt(issuedAt);
        IncentiveIssued.Content content = offer.content() == null
                ? null
                : new IncentiveIssued.Content(
                        offer.content().title(), contentUrls.urlFor(offer.content(), incentiveId, expiresAt));
        return new IncentiveIssued(
                incentiveId,
                leadId,
                campaignId,
                offer.kind().wireName(),
                granted.code(),
                offer.discountPercent(),
                content,
                expiresAt,
                offer.id(),
                offer.discountAmount(),
                offer.currency(),
                offer.trialDays(),
                offer.gift());
    }

    /**
     * Holds a lock on the lead and campaign until the transaction ends, then looks: a concurrent issue for the same
     * pair waits here and sees the other's row once it commits.
     */
    private boolean alreadyIssued(UUID leadId, String campaignId) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "incentive:" + leadId + ":" + campaignId)
                .getSingleResult();
        return !entityManager
                .createNativeQuery("select 1 from incentive where lead_id = :lead and campaign_id = :campaign")
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .getResultList()
                .isEmpty();
    }

    private boolean insert(IncentiveIssued issued, Instant issuedAt) {
        NativeQuery<?> insert = entityManager
                .createNativeQuery(
                        """
                        insert into incentive (id, lead_id, campaign_id, kind, code, discount_percent, content_title,
                                               content_url, issued_at, expires_at, offer_id, discount_amount, currency,
                                               trial_days, gift)
                        values (:id, :lead, :campaign, :kind, :code, :percent, :title, :url, :issuedAt, :expiresAt,
                                :offer, :amount, :currency, :trialDays, :gift)
                        on conflict (lead_id, campaign_id) do nothing
                        """)
                .unwrap(NativeQuery.class);
        IncentiveIssued.Content content = issued.content();
        return insert.setParameter("id", issued.incentiveId())
                        .setParameter("lead", issued.leadId())
                        .setParameter("campaign", issued.campaign())
                        .setParameter("kind", issued.kind())
                        .setParameter("code", issued.code(), String.class)
                        .setParameter("percent", issued.discountPercent(), Integer.class)
                        .setParameter("title", content == null ? null : content.title(), String.class)
                        .setParameter("url", content == null ? null : content.url(), String.class)
                        .setParameter("issuedAt", issuedAt)
                        .setParameter("expiresAt", issued.expiresAt())
                        .setParameter("offer", issued.offerId(), String.class)
                        .setParameter("amount", issued.discountAmount(), BigDecimal.class)
                        .setParameter("currency", issued.currency(), String.class)
                        .setParameter("trialDays", issued.trialDays(), Integer.class)
                        .setParameter("gift", issued.gift(), String.class)
                        .executeUpdate()
                == 1;
    }
}
