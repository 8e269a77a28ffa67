package dev.faro.analytics.abtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides an A/B test from daily counts, the way a marketer who looks every day would experience it: the data
 * is examined day by day (cumulative through each day) and the first day on which the evidence suffices fixes
 * the verdict. The always-valid {@link MixtureSprt} keeps the chance of a false verdict at α across all those
 * looks; with several challengers α is split evenly among them (Bonferroni), so the whole test stays within α.
 */
public final class AbTestAnalysis {

    private final AbTestSettings settings;
    private final MixtureSprt test;

    public AbTestAnalysis(AbTestSettings settings) {
        this.settings = settings;
        this.test = new MixtureSprt(settings.mixtureSd());
    }

    /**
     * @param campaignVariants the variants in the campaign's order: the first is the control
     * @param days visitors and leads per variant and day; rows of other variants are ignored
     */
    public AbTestResult analyse(List<String> campaignVariants, List<DailyVariantCounts> days) {
        List<String> variants = campaignVariants.stream().distinct().toList();
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an A/B test needs at least one variant");
        }
        String control = variants.get(0);
        Map<String, VariantCounts> cumulative = new LinkedHashMap<>();
        variants.forEach(variant -> cumulative.put(variant, new VariantCounts(variant, 0, 0)));
        double alphaEach = settings.alpha() / Math.max(1, variants.size() - 1);
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        variants.subList(1, variants.size()).forEach(variant -> evidence.put(variant, new Evidence(variant)));

        Verdict verdict = Verdict.INCONCLUSIVE;
        Optional<LocalDate> decidedOn = Optional.empty();
        Optional<LocalDate> evaluatedThrough = Optional.empty();
        TreeMap<LocalDate, List<DailyVariantCounts>> byDay = new TreeMap<>();
        days.stream().filter(row -> cumulative.containsKey(row.variant())).forEach(row -> byDay.computeIfAbsent(
                        row.day(), d -> new ArrayList<>())
                .add(row));
        for (Map.Entry<LocalDate, List<DailyVariantCounts>> day : byDay.entrySet()) {
            day.getValue()
                    .forEach(row -> cumulative.computeIfPresent(
                            row.variant(), (v, counts) -> counts.plus(row.visitors(), row.leads())));
            // A verdict, once reached, stands: later days only add to the counts, not to the evidence.
            if (verdict != Verdict.INCONCLUSIVE || evidence.isEmpty() || !allMeetMinimum(cumulative.values())) {
                continue;
            }
            evaluatedThrough = Optional.of(day.getKey());
            for (Evidence challenger : evidence.values()) {
                challenger.add(test.look(cumulative.get(control), cumulative.get(challenger.variant), alphaEach));
            }
            verdict = verdictOf(evidence.values(), alphaEach);
            if (verdict != Verdict.INCONCLUSIVE) {
                decidedOn = Optional.of(day.getKey());
            }
        }
        Optional<String> winner =
                verdict == Verdict.WINNER ? Optional.of(winnerOf(control, evidence, alphaEach)) : Optional.empty();
        List<AbTestResult.Comparison> comparisons = evidence.values().stream()
                .filter(e -> e.last != null)
                .map(e -> new AbTestResult.Comparison(
                        e.variant, e.last.difference(), e.interval, e.pValue, e.outcome(alphaEach, settings)))
                .toList();
        List<VariantCounts> counts = List.copyOf(cumulative.values());
        String reason = reason(verdict, winner, control, counts, comparisons, alphaEach);
        return new AbTestResult(
                control, counts, comparisons, verdict, winner, decidedOn, evaluatedThrough, alphaEach, reason);
    }

    private boolean allMeetMinimum(Iterable<VariantCounts> variants) {
        for (VariantCounts counts : variants) {
            if (counts.visitors() < settings.minVisitors() || counts.leads() < settings.minLeads()) {
                return false;
            }
        }
        return true;
    }

    private Verdict verdictOf(Iterable<Evidence> challengers, double alphaEach) {
        boolean anyBetter = false;
        boolean allWorse = true;
        boolean anyUndecided = false;
        for (Evidence challenger : challengers) {
            Outcome outcome = challenger.outcome(alphaEach, settings);
            anyBetter |= outcome == Outcome.BETTER;
            allWorse &= outcome == Outcome.WORSE;
            anyUndecided |= outcome == Outcome.UNDECIDED;
        }
        if (anyBetter || allWorse) {
            return Verdict.WINNER;
        }
        return anyUndecided ? Verdict.INCONCLUSIVE : Verdict.NO_DIFFERENCE;
    }

    /** The best-converting challenger that beat the control, or the control when it beat every challenger. */
    private String winnerOf(String control, Map<String, Evidence> evidence, double alphaEach) {
        String winner = control;
        double best = Double.NEGATIVE_INFINITY;
        for (Evidence challenger : evidence.values()) {
            double lift = challenger.last == null ? 0 : challenger.last.difference();
            if (challenger.outcome(alphaEach, settings) == Outcome.BETTER && lift > best) {
                best = lift;
                winner = challenger.variant;
            }
        }
        return winner;
    }

    private String reason(
            Verdict verdict,
            Optional<String> winner,
            String control,
            List<VariantCounts> counts,
            List<AbTestResult.Comparison> comparisons,
            double alphaEach) {
        if (counts.size() < 2) {
            return "the landing page has a single variant: there is nothing to compare";
        }
        if (comparisons.isEmpty()) {
            StringBuilder missing = new StringBuilder();
            for (VariantCounts c : counts) {
                if (c.visitors() < settings.minVisitors() || c.leads() < settings.minLeads()) {
                    missing.append(missing.length() == 0 ? "" : "; ")
                            .append(format("%s has %d visitors and %d leads", c.variant(), c.visitors(), c.leads()));
                }
            }
            return format(
                    "every variant needs at least %d visitors and %d leads before a verdict: %s",
                    settings.minVisitors(), settings.minLeads(), missing);
        }
        StringBuilder figures = new StringBuilder();
        for (AbTestResult.Comparison c : comparisons) {
            figures.append(figures.length() == 0 ? "" : "; ")
                    .append(format(
                            "%s − %s = %+.2f points (always-valid 95%% interval %+.2f to %+.2f), p = %.4f, %s",
                            c.variant(),
                            control,
                            100 * c.difference(),
                            100 * c.interval().low(),
                            100 * c.interval().high(),
                            c.pValue(),
                            c.outcome().label()));
        }
        String threshold = format(" (a difference needs p ≤ %.4f)", alphaEach);
        switch (verdict) {
            case WINNER:
                return winner.orElseThrow() + " converts best: " + figures + threshold;
            case NO_DIFFERENCE:
                return format(
                                "no challenger beats %s by more than ±%.2f points: ",
                                control, 100 * settings.equivalenceMargin())
                        + figures;
            default:
                return "not enough evidence yet: " + figures + threshold;
        }
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }

    /** What the looks so far say about one challenger. */
    private static final class Evidence {
        private final String variant;
        private MixtureSprt.Look last;
        private double pValue = 1;
        private int direction;
        private Interval interval = new Interval(-1, 1);

        Evidence(String variant) {
            this.variant = variant;
        }

        void add(MixtureSprt.Look look) {
            last = look;
            if (look.pValue() < pValue) {
                pValue = look.pValue();
                direction = look.difference() > 0 ? 1 : -1;
            }
            interval = interval.intersect(look.interval());
        }

        Outcome outcome(double alphaEach, AbTestSettings settings) {
            if (pValue <= alphaEach) {
                return direction > 0 ? Outcome.BETTER : Outcome.WORSE;
            }
            if (last != null && interval.within(-settings.equivalenceMargin(), settings.equivalenceMargin())) {
                return Outcome.EQUIVALENT;
            }
            return Outcome.UNDECIDED;
        }
    }
}
