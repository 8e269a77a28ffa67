package dev.faro.analytics.funnel;

import dev.faro.contract.events.CampaignChanged;
import dev.faro.support.campaign.CampaignViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a campaign's funnel together: the counts from the fact table, the spend from the campaign's settings. Spend
 * is the campaign's total, whatever the range: it is not recorded per day. Per source, a group gets the spend on
 * its source; groups by variant, page or day have no spend of their own, so no cost per lead or ROI.
 */
@ApplicationScoped
public class FunnelReport {

    private final FunnelReader reader;
    private final CampaignViews campaigns;

    public FunnelReport(FunnelReader reader, CampaignViews campaigns) {
        this.reader = reader;
        this.campaigns = campaigns;
    }

    /** The funnel, or empty when analytics knows neither the campaign nor any event of it. */
    public Optional<FunnelView> of(String campaign, DayRange days, Optional<Grouping> grouping) {
        Optional<CampaignChanged> settings = campaigns.find(campaign);
        if (settings.isEmpty() && !reader.counted(campaign)) {
            return Optional.empty();
        }
        Set<String> currencies = reader.revenueCurrencies(campaign);
        FunnelFigures totals = FunnelFigures.of(reader.totals(campaign, days), Spend.total(settings), currencies);
        List<FunnelView.FunnelGroup> groups = grouping.map(by -> groups(campaign, days, by, settings, currencies))
                .orElse(null);
        return Optional.of(new FunnelView(
                campaign, totals, grouping.map(Grouping::parameter).orElse(null), groups));
    }

    private List<FunnelView.FunnelGroup> groups(
            String campaign,
            DayRange days,
            Grouping grouping,
            Optional<CampaignChanged> settings,
            Set<String> currencies) {
        List<FunnelReader.GroupCounts> rows = reader.groups(campaign, days, grouping);
        List<FunnelView.FunnelGroup> groups = new ArrayList<>();
        long leadBase = 0;
        if (grouping == Grouping.DAY && !rows.isEmpty()) {
            leadBase = reader.leadsBefore(campaign, LocalDate.parse(rows.get(0).key()));
        }
        for (FunnelReader.GroupCounts row : rows) {
            Optional<Spend> spend =
                    grouping == Grouping.SOURCE ? Spend.onSource(settings, row.key()) : Optional.empty();
            Long cumulativeLeads = null;
            if (grouping == Grouping.DAY) {
                leadBase += row.counts().leads();
                cumulativeLeads = leadBase;
            }
            groups.add(new FunnelView.FunnelGroup(
                    row.key(), row.landingPage(), cumulativeLeads, FunnelFigures.of(row.counts(), spend, currencies)));
        }
        return groups;
    }
}
