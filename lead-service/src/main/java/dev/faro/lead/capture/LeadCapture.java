package dev.faro.lead.capture;

import dev.faro.contract.events.Consent;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.lead.campaign.CampaignDirectory;
import dev.faro.lead.campaign.CampaignSettings;
import dev.faro.support.outbox.Outbox;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Stores a lead and its {@code LeadCaptured} event in one transaction. The same address and campaign is
 * one lead: a repeated submission updates it and publishes nothing new.
 */
@ApplicationScoped
public class LeadCapture {

    private final EntityManager entityManager;
    private final CampaignDirectory campaigns;
    private final Outbox outbox;

    public LeadCapture(EntityManager entityManager, CampaignDirectory campaigns, Outbox outbox) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
        this.outbox = outbox;
    }

    @Transactional
    public CapturedLead capture(CaptureRequest request) {
        CampaignSettings campaign = campaigns
                .find(request.campaign())
                .orElseThrow(() -> ProblemException.invalid("campaign", "is not a known campaign"));
        String locale = request.locale() != null ? request.locale() : campaign.locale();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID leadId = UUID.randomUUID();

        boolean created = insertIfNew(leadId, request, campaign, locale, now);
        if (!created) {
            return new CapturedLead(updateExisting(request, locale, now));
        }
        outbox.append(
                leadId.toString(),
                new LeadCaptured(
                        leadId,
                        campaign.id(),
                        request.email(),
                        request.name(),
                        locale,
                        campaign.timeZone(),
                        new Consent(request.consent().marketing(), null, now, null, null),
                        campaign.doubleOptIn(),
                        null,
                        null,
                        null,
                        null));
        return new CapturedLead(leadId);
    }

    private boolean insertIfNew(
            UUID leadId, CaptureRequest request, CampaignSettings campaign, String locale, Instant now) {
        return entityManager
                        .createNativeQuery(
                                """
                                insert into lead (id, campaign_id, email, name, locale, marketing_consent, consent_given_at)
                                values (:id, :campaign, :email, :name, :locale, :consent, :now)
                                on conflict (campaign_id, email) do nothing
                                """)
                        .setParameter("id", leadId)
                        .setParameter("campaign", campaign.id())
                        .setParameter("email", request.email())
                        .setParameter("name", request.name())
                        .setParameter("locale", locale)
                        .setParameter("consent", request.consent().marketing())
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    private UUID updateExisting(CaptureRequest request, String locale, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery(
                        """
                        update lead set name = coalesce(:name, name), locale = :locale,
                               marketing_consent = :consent, consent_given_at = :now, updated_at = :now
                        where campaign_id = :campaign and email = :email
                        returning id
                        """,
                        UUID.class)
                .setParameter("name", request.name())
                .setParameter("locale", locale)
                .setParameter("consent", request.consent().marketing())
                .setParameter("now", now)
                .setParameter("campaign", request.campaign())
                .setParameter("email", request.email())
                .getResultList();
        return ids.get(0);
    }
}
