package dev.faro.analytics.digest;

import dev.faro.analytics.abtest.Verdict;
import dev.faro.analytics.funnel.FunnelFigures;
import dev.faro.analytics.goal.GoalProgress;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The digest's content as words, shared by the HTML and the text version so both say exactly the same. */
final class DigestLines {

    /** A row of the funnel table. */
    record FunnelRow(String label, String current, String previous, String change) {}

    private DigestLines() {}

    static String heading(DigestReport report, DigestWording wording) {
        return wording.subject(report.frequency(), report.campaignName());
    }

    static String period(DigestReport report, DigestWording wording) {
        return wording.word("period") + ": " + wording.date(report.period().start()) + " – "
                + wording.date(report.period().end()) + ". " + wording.word("utcNote");
    }

    static List<FunnelRow> funnel(DigestReport report, DigestWording w) {
        FunnelFigures now = report.current();
        FunnelFigures before = report.previous();
        List<FunnelRow> rows = new ArrayList<>();
        rows.add(counted(w, "visitors", before.visitors(), now.visitors()));
        rows.add(counted(w, "leads", before.leads(), now.leads()));
        rows.add(new FunnelRow(
                w.word("conversionRate"),
                w.percent(now.conversionRate()),
                w.percent(before.conversionRate()),
                w.change(Change.between(before.conversionRate(), now.conversionRate()), false, true)));
        rows.add(counted(w, "confirmed", before.confirmed(), now.confirmed()));
        rows.add(counted(w, "redemptions", before.redemptions(), now.redemptions()));
        String currency = now.currency() == null ? "" : " " + now.currency();
        rows.add(new FunnelRow(
                w.word("revenue"),
                w.decimal(now.revenue()) + currency,
                w.decimal(before.revenue()) + currency,
                w.change(Change.between(before.revenue(), now.revenue()), false, false)));
        return rows;
    }

    private static FunnelRow counted(DigestWording w, String key, long previous, long current) {
        return new FunnelRow(
                w.word(key),
                w.count(current),
                w.count(previous),
                w.change(Change.between(previous, current), true, false));
    }

    static List<String> goal(DigestReport report, DigestWording w) {
        if (report.goal().isEmpty()) {
            return List.of(w.word("noGoal"));
        }
        GoalProgress goal = report.goal().get();
        List<String> lines = new ArrayList<>();
        lines.add(w.format(
                "goalLine",
                w.count(goal.leadsSoFar()),
                w.count(goal.targetLeads()),
                w.decimal(BigDecimal.valueOf(goal.percentOfTarget()).setScale(1, java.math.RoundingMode.HALF_UP)),
                goal.deadlineDay().map(w::date).orElse("—"),
                w.word(goal.status().label())));
        goal.projectedDate()
                .filter(day -> goal.reachedOn().isEmpty())
                .ifPresent(day -> lines.add(w.format("projected", w.date(day))));
        return lines;
    }

    static String verdict(DigestReport.AbTest test, DigestWording w) {
        if (test.verdict() == Verdict.WINNER) {
            return w.format(Verdict.WINNER.label(), test.winner().orElse("?"));
        }
        return w.word(test.verdict().label());
    }

    static List<String> drops(DigestReport report, DigestWording w) {
        List<String> lines = new ArrayList<>();
        for (ConversionDrop drop : report.drops()) {
            String what =
                    switch (drop.scope()) {
                        case "day" -> w.format("dropDay", drop.label());
                        case "variant" -> w.format("dropVariant", drop.label());
                        default -> w.word("dropTotal");
                    };
            lines.add(w.format(
                    "dropLine",
                    what,
                    w.percent(drop.previousRate()),
                    w.percent(drop.currentRate()),
                    w.signedPercent(drop.percentChange())));
        }
        return lines;
    }
}
