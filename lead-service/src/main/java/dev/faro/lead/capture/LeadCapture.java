package dev.faro.lead.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.Consent;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.events.Utm;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.lead.campaign.CampaignDirectory;
import dev.faro.lead.campaign.CampaignSettings;
import dev.faro.lead.capture.CaptureRequest.UtmRequest;
import dev.faro.lead.confirmation.ConfirmationRequests;
import dev.faro.lead.origin.OriginNotAllowed;
import dev.faro.lead.privacy.LeadKeys;
import dev.faro.lead.webhook.LeadWebhooks;
import dev.faro.support.outbox.Outbox;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a lead, its consent record and its {@code LeadCaptured} event in one transaction. The same address and
 * campaign is one lead: a repeated submission updates the person's details, appends to the consent ledger and
 * publishes nothing new. The answer to a request with an Idempotency-Key is kept in the same transaction.
 */
@ApplicationScoped
public class LeadCapture {

    private static final int ACCEPTED = 202;

    private final EntityManager entityManager;
    private final CampaignDirectory campaigns;
    private final Outbox outbox;
    private final ConsentLedger consentLedger;
    private final IdempotencyKeys idempotencyKeys;
    private final Honeypot honeypot;
    private final ObjectMapper json;
    private final LeadKeys leadKeys;
    private final ConfirmationRequests confirmations;
    private final LeadWebhooks webhooks;

    public LeadCapture(
            EntityManager entityManager,
            CampaignDirectory campaigns,
            Outbox outbox,
            ConsentLedger consentLedger,
            IdempotencyKeys idempotencyKeys,
            Honeypot honeypot,
            ObjectMapper json,
            LeadKeys leadKeys,
            ConfirmationRequests confirmations,
            LeadWebhooks webhooks) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.consentLedger = consentLedger;
        this.idempotencyKeys = idempotencyKeys;
        this.honeypot = honeypot;
        this.json = json;
        this.leadKeys = leadKeys;
        this.confirmations = confirmations;
        this.webhooks = webhooks;
    }

    /**
     * Captures a validated request. {@code idempotencyKey} may be null. The honeypot is checked only after
     * everything a real submission is checked for, so a bot gets the very answer a person would.
     */
    @Transactional
    public CaptureAnswer capture(CaptureRequest request, String idempotencyKey, SubmissionSource from) {
        CampaignSettings campaign = campaigns
                .find(request.campaign())
                .orElseThrow(() -> ProblemException.invalid("campaign", "is not a known campaign"));
        if (from.origin() != null && !from.origin().allowedBy(campaign.allowedOrigins())) {
            throw OriginNotAllowed.forCampaign(campaign.id(), from.origin().origin());
        }
        Map<String, Object> customFields = CustomFieldValues.validated(campaign.customFields(), request.customFields());
        if (request.honeypotFilled()) {
            return accepted(honeypot.trap(campaign.id(), request.email()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (idempotencyKey != null) {
            Optional<CaptureAnswer> first =
                    idempotencyKeys.claim(idempotencyKey, IdempotencyKeys.fingerprint(request), now);
            if (first.isPresent()) {
                return first.get();
            }
        }
        CaptureAnswer answer = accepted(store(request, campaign, customFields, from, now));
        if (idempotencyKey != null) {
            idempotencyKeys.remember(idempotencyKey, answer);
        }
        return answer;
    }

    private UUID store(
            CaptureRequest request,
            CampaignSettings campaign,
            Map<String, Object> customFields,
            SubmissionSource from,
            Instant now) {
        String locale = request.locale() != null ? request.locale() : campaign.locale();
        String timeZone = request.timeZone() != null ? request.timeZone() : campaign.timeZone();
        boolean marketing = request.consent().marketing();
        String textVersion = request.consent().textVersion();

        UUID newId = UUID.randomUUID();
        boolean created = insertIfNew(newId, request, campaign, customFields, locale, timeZone, now);
        UUID leadId = created ? newId : updateExisting(request, customFields, now);
        consentLedger.append(leadId, ConsentLedger.MARKETING, marketing, textVersion, now, from);
        if (created) {
            byte[] dataKey = leadKeys.issue(leadId, request.email());
            PersonalData personal = new PersonalData(
                    request.email(),
                    request.name(),
                    request.phone(),
                    request.company(),
                    from.truncatedIp(),
                    from.userAgent(),
                    customFields);
            outbox.append(
                    leadId.toString(),
                    new LeadCaptured(
                            leadId,
                            campaign.id(),
                            LeadSeal.seal(dataKey, leadId, personal),
                            locale,
                            timeZone,
                            new Consent(marketing, textVersion, now),
                            campaign.doubleOptIn(),
                            request.landingPage(),
                            request.variant(),
                            request.visitorId(),
                            utm(request.utm())));
            webhooks.leadCaptured(leadId, campaign.id(), now);
        }
        // A pending lead is (re)sent its double opt-in link, within the per-address limits; after LeadCaptured.
        // A lead just created for a campaign without double opt-in is confirmed already: nothing to look up.
        if (!created || campaign.doubleOptIn()) {
            confirmations.requestFor(leadId, now);
        }
        return leadId;
    }

    private boolean insertIfNew(
            UUID leadId,
            CaptureRequest request,
            CampaignSettings campaign,
            Map<String, Object> customFields,
            String locale,
            String timeZone,
            Instant now) {
        UtmRequest utm = request.utm() != null ? request.utm() : new UtmRequest(null, null, null, null, null);
        return entityManager
                        .createNativeQuery(
                                """
                                insert into lead (id, campaign_id, email, name, phone, company, locale, time_zone,
                                                  marketing_consent, consent_given_at, landing_page, variant,
                                                  visitor_id, referrer, utm_source, utm_medium, utm_campaign,
                                                  utm_term, utm_content, custom_fields, status, confirmed_at)
                                values (:id, :campaign, :email, cast(:name as varchar), cast(:phone as varchar),
                                        cast(:company as varchar), :locale, :timeZone, :consent, :now,
                                        cast(:landingPage as varchar), cast(:variant as varchar),
                                        cast(:visitorId as varchar), cast(:referrer as varchar),
                                        cast(:utmSource as varchar), cast(:utmMedium as varchar),
                                        cast(:utmCampaign as varchar), cast(:utmTerm as varchar),
                                        cast(:utmContent as varchar), cast(:customFields as jsonb),
                                        case when :pending then 'pending' else 'confirmed' end,
                                        case when :pending then null else cast(:now as timestamptz) end)
                                on conflict (campaign_id, email) do nothing
                                """)
                        .setParameter("id", leadId)
                        .setParameter("campaign", campaign.id())
                        .setParameter("email", request.email())
                        .setParameter("name", request.name())
                        .setParameter("phone", request.phone())
                        .setParameter("company", request.company())
                        .setParameter("locale", locale)
                        .setParameter("timeZone", timeZone)
                        .setParameter("consent", request.consent().marketing())
                        .setParameter("now", now)
                        .setParameter("landingPage", request.landingPage())
                        .setParameter("variant", request.variant())
                        .setParameter("visitorId", request.visitorId())
                        .setParameter("referrer", request.referrer())
                        .setParameter("utmSource", utm.source())
                        .setParameter("utmMedium", utm.medium())
                        .setParameter("utmCampaign", utm.campaign())
                        .setParameter("utmTerm", utm.term())
                        .setParameter("utmContent", utm.content())
                        .setParameter("customFields", json(customFields))
                        .setParameter("pending", campaign.doubleOptIn())
                        .executeUpdate()
                == 1;
    }

    /**
     * A repeated submission updates what the person tells about themselves, and only what they sent: a field
     * left out keeps its value, and the campaign's defaults never replace a language or zone chosen earlier.
     * Attribution (landing page, variant, visitor, referrer, UTM) stays first-touch, as published.
     */
    private UUID updateExisting(CaptureRequest request, Map<String, Object> customFields, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery(
                        """
                        update lead set name = coalesce(cast(:name as varchar), name),
                               phone = coalesce(cast(:phone as varchar), phone),
                               company = coalesce(cast(:company as varchar), company),
                               locale = coalesce(cast(:locale as varchar), locale),
                               time_zone = coalesce(cast(:timeZone as varchar), time_zone),
                               custom_fields = custom_fields || cast(:customFields as jsonb),
                               marketing_consent = :consent, consent_given_at = :now, updated_at = :now
                        where campaign_id = :campaign and email = :email
                        returning id
                        """,
                        UUID.class)
                .setParameter("name", request.name())
                .setParameter("phone", request.phone())
                .setParameter("company", request.company())
                .setParameter("locale", request.locale())
                .setParameter("timeZone", request.timeZone())
                .setParameter("customFields", json(customFields))
                .setParameter("consent", request.consent().marketing())
                .setParameter("now", now)
                .setParameter("campaign", request.campaign())
                .setParameter("email", request.email())
                .getResultList();
        return ids.get(0);
    }

    private String json(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write custom field values", e);
        }
    }

    private CaptureAnswer accepted(UUID leadId) {
        try {
            return new CaptureAnswer(ACCEPTED, json.writeValueAsString(new CapturedLead(leadId)), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the capture answer", e);
        }
    }

    private static Utm utm(UtmRequest utm) {
        if (utm == null || utm.isEmpty()) {
            return null;
        }
        return new Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }
}
