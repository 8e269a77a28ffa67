package dev.faro.support.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.faro.contract.EventCodec;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.inbox.NotYetKnownException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * This service's copy of every campaign, kept from the compacted campaign topic. Every service that needs a
 * campaign's settings reads them here, never from lead-service: no call crosses services on the lead path.
 */
@ApplicationScoped
public class CampaignViews {

    private final EntityManager entityManager;

    public CampaignViews(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the campaign's state unless a newer revision is already stored; true when it was applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(CampaignChanged campaign) {
        return entityManager
                        .createNativeQuery(
                                """
                                insert into campaign_view (campaign_id, revision, archived, double_opt_in, locale, time_zone, state)
                                values (:id, :revision, :archived, :doubleOptIn, :locale, :timeZone, cast(:state as jsonb))
                                on conflict (campaign_id) do update
                                set revision = excluded.revision, archived = excluded.archived,
                                    double_opt_in = excluded.double_opt_in, locale = excluded.locale,
                                    time_zone = excluded.time_zone, state = excluded.state, updated_at = now()
                                where campaign_view.revision < excluded.revision
                                """)
                        .setParameter("id", campaign.campaign())
                        .setParameter("revision", campaign.revision())
                        .setParameter("archived", campaign.archived())
                        .setParameter("doubleOptIn", campaign.doubleOptIn())
                        .setParameter("locale", campaign.locale())
                        .setParameter("timeZone", campaign.timeZone())
                        .setParameter("state", json(campaign))
                        .executeUpdate()
                == 1;
    }

    /** The latest known state of a campaign, if this service has heard of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CampaignChanged> find(String campaignId) {
        @SuppressWarnings("unchecked")
        List<String> states = entityManager
                .createNativeQuery("select cast(state as text) from campaign_view where campaign_id = :id")
                .setParameter("id", campaignId)
                .getResultList();
        return states.stream().findFirst().map(CampaignViews::parse);
    }

    /**
     * The campaign an event refers to. Campaigns travel on their own topic, so an event may arrive before its
     * campaign does: that is retried by the inbox until the campaign arrives, never dead-lettered.
     *
     * @throws NotYetKnownException while this service has not heard of the campaign
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignChanged require(String campaignId) {
        return find(campaignId).orElseThrow(() -> new NotYetKnownException("campaign " + campaignId));
    }

    private static String json(CampaignChanged campaign) {
        try {
            return EventCodec.instance().mapper().writeValueAsString(campaign);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store campaign " + campaign.campaign(), e);
        }
    }

    private static CampaignChanged parse(String state) {
        try {
            return EventCodec.instance().mapper().readValue(state, CampaignChanged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored campaign", e);
        }
    }
}
