package dev.faro.analytics.digest;

import dev.faro.analytics.abtest.AbTestAnalysis;
import dev.faro.analytics.abtest.AbTestConfig;
import dev.faro.analytics.abtest.AbTestResult;
import dev.faro.analytics.abtest.DailyVariantCounts;
import dev.faro.analytics.abtest.VariantFactStore;
import dev.faro.analytics.funnel.DayRange;
import dev.faro.analytics.funnel.FunnelCounts;
import dev.faro.analytics.funnel.FunnelReader;
import dev.faro.analytics.funnel.FunnelReport;
import dev.faro.analytics.funnel.FunnelView;
import dev.faro.analytics.funnel.Grouping;
import dev.faro.analytics.goal.GoalCalculator;
import dev.faro.analytics.goal.GoalProgress;
import dev.faro.analytics.goal.LeadsPerDayStore;
import dev.faro.contract.events.CampaignChanged;
import dev.faro.contract.events.DigestReady;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Composes a campaign's digest for one period and one group of subscribers (same language and time zone) from
 * the funnel, goal and A/B readers. The figures are summed over UTC days, like every figure analytics serves:
 * the period's dates are the subscriber's, its days the fact table's.
 */
@ApplicationScoped
public class DigestComposer {

    private final FunnelReport funnel;
    private final FunnelReader facts;
    private final LeadsPerDayStore leads;
    private final VariantFactStore variants;
    private final AbTestConfig abTestConfig;
    private final DigestConfig config;

    public DigestComposer(
            FunnelReport funnel,
            FunnelReader facts,
            LeadsPerDayStore leads,
            VariantFactStore variants,
            AbTestConfig abTestConfig,
            DigestConfig config) {
        this.funnel = funnel;
        this.facts = facts;
        this.leads = leads;
        this.variants = variants;
        this.abTestConfig = abTestConfig;
        this.config = config;
    }

    /** The digest's id: the same campaign, period and group always get the same one. */
    static UUID digestId(String campaign, Period period, String locale, String timeZone) {
        String name = "faro-analytics-digest:" + campaign + ":" + period.start() + ":" + period.end() + ":" + locale
                + ":" + timeZone;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    DigestReady compose(
            CampaignChanged campaign,
            Frequency frequency,
            Period period,
            String locale,
            String timeZone,
            List<Subscriber> group) {
        DigestReport report = report(campaign, frequency, period);
        DigestWording wording = DigestWording.of(locale);
        List<DigestReady.Recipient> recipients = group.stream()
                .map(s -> new DigestReady.Recipient(s.email(), s.locale(), s.timeZone()))
                .toList();
        return new DigestReady(
                digestId(campaign.campaign(), period, locale, timeZone),
                campaign.campaign(),
                period.start(),
                period.end(),
                recipients,
                wording.subject(frequency, report.campaignName()),
                DigestHtml.render(report, wording),
                DigestText.render(report, wording),
                LeadsChart.pngBase64(report.leadsPerDay(), period, wording));
    }

    DigestReport report(CampaignChanged campaign, Frequency frequency, Period period) {
        String id = campaign.campaign();
        Period previous = period.previous();
        FunnelView current = funnel.of(id, period.range(), Optional.empty()).orElseThrow();
        FunnelView before = funnel.of(id, previous.range(), Optional.empty()).orElseThrow();
        String name = campaign.name() == null || campaign.name().isBlank() ? id : campaign.name();
        return new DigestReport(
                id,
                name,
                frequency,
                period,
                current.totals(),
                before.totals(),
                goal(campaign, period),
                abTests(campaign, period),
                drops(id, period),
                leadsPerDay(id, period));
    }

    private Optional<GoalProgress> goal(CampaignChanged campaign, Period period) {
        if (campaign.goal() == null) {
            return Optional.empty();
        }
        return Optional.of(
                GoalCalculator.progress(campaign.goal(), leads.leadsPerDay(campaign.campaign()), period.end()));
    }

    /** The A/B test of every landing page with two or more variants, counted up to the period's last day. */
    private List<DigestReport.AbTest> abTests(CampaignChanged campaign, Period period) {
        List<DigestReport.AbTest> tests = new ArrayList<>();
        List<CampaignChanged.LandingPage> pages = campaign.landingPages() == null ? List.of() : campaign.landingPages();
        for (CampaignChanged.LandingPage page : pages) {
            List<DailyVariantCounts> days = variants.dailyCounts(campaign.campaign(), page.id()).stream()
                    .filter(day -> !day.day().isAfter(period.end()))
                    .toList();
            List<String> compared = comparedVariants(page, days);
            if (compared.size() < 2) {
                continue;
            }
            AbTestResult result = new AbTestAnalysis(abTestConfig.settings()).analyse(compared, days);
            List<DigestReport.VariantRate> rates = result.variants().stream()
                    .map(v -> new DigestReport.VariantRate(
                            v.variant(),
                            v.visitors(),
                            v.leads(),
                            ConversionDrops.rate(new FunnelCounts(
                                    v.visitors(), v.leads(), 0, 0, 0, 0, 0, 0, 0, java.math.BigDecimal.ZERO, 0, 0))))
                    .toList();
            tests.add(new DigestReport.AbTest(page.id(), result.verdict(), result.winner(), rates));
        }
        return tests;
    }

    /** The page's variants in the campaign's order (the first is the control), then any only the data shows. */
    private static List<String> comparedVariants(CampaignChanged.LandingPage page, List<DailyVariantCounts> days) {
        List<String> listed = new ArrayList<>(page.variants() == null ? List.of() : page.variants());
        TreeSet<String> inData = new TreeSet<>();
        days.forEach(day -> inData.add(day.variant()));
        for (String variant : inData) {
            if (!listed.contains(variant)) {
                listed.add(variant);
            }
        }
        return listed;
    }

    private List<ConversionDrop> drops(String campaign, Period period) {
        Period previous = period.previous();
        ConversionDrops drops = new ConversionDrops(config.dropThresholdPercent(), config.dropMinVisitors());
        List<ConversionDrop> found = new ArrayList<>();
        drops.compare("total", "", facts.totals(campaign, previous.range()), facts.totals(campaign, period.range()))
                .ifPresent(found::add);
        if (period.days() > 1) {
            // Each day against the day one period earlier; keyed by the current day.
            Map<String, FunnelCounts> before = new LinkedHashMap<>();
            groups(campaign, previous.range(), Grouping.DAY)
                    .forEach((day, counts) -> before.put(
                            LocalDate.parse(day).plusDays(period.days()).toString(), counts));
            found.addAll(drops.compareEach("day", before, groups(campaign, period.range(), Grouping.DAY)));
        }
        found.addAll(drops.compareEach(
                "variant",
                groups(campaign, previous.range(), Grouping.VARIANT),
                groups(campaign, period.range(), Grouping.VARIANT)));
        return found;
    }

    /** Groups keyed by their key, or {@code page/variant} for variants; traffic without a variant is left out. */
    private Map<String, FunnelCounts> groups(String campaign, DayRange days, Grouping grouping) {
        Map<String, FunnelCounts> groups = new LinkedHashMap<>();
        for (FunnelReader.GroupCounts group : facts.groups(campaign, days, grouping)) {
            if (grouping == Grouping.VARIANT) {
                if (!group.key().isEmpty()) {
                    groups.put(group.landingPage() + "/" + group.key(), group.counts());
                }
            } else {
                groups.put(group.key(), group.counts());
            }
        }
        return groups;
    }

    /** Leads per UTC day over the chart's days up to the period's end, days without leads as 0. */
    private SortedMap<LocalDate, Long> leadsPerDay(String campaign, Period period) {
        int chartDays = (int) Math.max(config.chartDays(), period.days());
        LocalDate first = period.end().minusDays(chartDays - 1L);
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(period.end()); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        groups(campaign, new DayRange(Optional.of(first), Optional.of(period.end())), Grouping.DAY)
                .forEach((day, counts) -> perDay.put(LocalDate.parse(day), counts.leads()));
        return perDay;
    }
}
