package dev.faro.analytics.digest;

/** The plain-text version of a digest: the same content as the HTML, one figure per line. */
final class DigestText {

    private DigestText() {}

    static String render(DigestReport report, DigestWording w) {
        StringBuilder text = new StringBuilder();
        text.append(DigestLines.heading(report, w)).append('\n');
        text.append(DigestLines.period(report, w)).append("\n\n");

        text.append(w.word("funnel")).append('\n');
        for (DigestLines.FunnelRow row : DigestLines.funnel(report, w)) {
            text.append("- ")
                    .append(row.label())
                    .append(": ")
                    .append(row.current())
                    .append(" (")
                    .append(w.word("previous").toLowerCase(java.util.Locale.ROOT))
                    .append(": ")
                    .append(row.previous())
                    .append("; ")
                    .append(w.word("change").toLowerCase(java.util.Locale.ROOT))
                    .append(": ")
                    .append(row.change())
                    .append(")\n");
        }

        text.append('\n').append(w.word("goal")).append('\n');
        DigestLines.goal(report, w).forEach(line -> text.append(line).append('\n'));

        text.append('\n').append(w.word("abTest")).append('\n');
        if (report.abTests().isEmpty()) {
            text.append(w.word("noAbTest")).append('\n');
        }
        for (DigestReport.AbTest test : report.abTests()) {
            text.append(w.word("page"))
                    .append(' ')
                    .append(test.landingPage())
                    .append(": ")
                    .append(DigestLines.verdict(test, w))
                    .append('\n');
            for (DigestReport.VariantRate variant : test.variants()) {
                text.append("- ")
                        .append(variant.variant())
                        .append(": ")
                        .append(w.count(variant.leads()))
                        .append(" / ")
                        .append(w.count(variant.visitors()))
                        .append(" = ")
                        .append(w.percent(variant.conversionRate()))
                        .append('\n');
            }
        }

        text.append('\n').append(w.word("drops")).append('\n');
        var drops = DigestLines.drops(report, w);
        if (drops.isEmpty()) {
            text.append(w.word("noDrops")).append('\n');
        }
        drops.forEach(line -> text.append("- ").append(line).append('\n'));
        return text.toString();
    }
}
