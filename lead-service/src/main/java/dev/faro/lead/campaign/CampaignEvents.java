package dev.faro.lead.campaign;

import dev.faro.contract.events.CampaignChanged;

/**
 * Maps a stored campaign onto the {@code CampaignChanged} contract. Allowed origins and custom fields are
 * lead-service's own business (they guard and shape capture) and are not published.
 */
final class CampaignEvents {

    private CampaignEvents() {}

    static CampaignChanged changed(Campaign campaign) {
        CampaignDefinition d = campaign.definition();
        CampaignGoal goal = d.goal();
        return new CampaignChanged(
                campaign.id(),
                campaign.revision(),
                d.name(),
                d.locale(),
                d.timeZone(),
                d.doubleOptIn(),
                campaign.archived(),
                d.landingPages().stream()
                        .map(page -> new CampaignChanged.LandingPage(page.id(), page.variants()))
                        .toList(),
                goal == null ? null : new CampaignChanged.Goal(goal.targetLeads(), goal.leadType(), goal.deadline()),
                d.spend().stream()
                        .map(s -> new CampaignChanged.Spend(s.source(), s.amount(), s.currency()))
                        .toList(),
                d.offerRef());
    }
}
