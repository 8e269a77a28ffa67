package dev.faro.lead.leads;

import dev.faro.lead.campaign.CampaignDirectory;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Answers 404 for a campaign that does not exist; an archived campaign's leads stay readable. */
@ApplicationScoped
class KnownCampaigns {

    private final CampaignDirectory campaigns;

    KnownCampaigns(CampaignDirectory campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional
    void require(String campaign) {
        if (campaigns.findIncludingArchived(campaign).isEmpty()) {
            throw ProblemException.notFound("no campaign " + campaign);
        }
    }
}
