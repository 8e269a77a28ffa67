package dev.faro.analytics.digest;

import java.util.List;

/**
 * The HTML version of a digest: a body fragment of headings, paragraphs and simple tables with inline styles
 * (what common mail clients render; no stylesheet, no images: email-service adds the chart itself). Every value
 * is escaped, the campaign name and landing page ids included.
 */
final class DigestHtml {

    private static final String H2 =
            "font-family:Arial,Helvetica,sans-serif;font-size:18px;color:#1f2d3d;margin:16px 0 8px;";
    private static final String P = "font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2d3d;margin:4px 0;";
    private static final String TABLE =
            "border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;font-size:14px;";
    private static final String TH = "text-align:left;padding:6px 10px;border-bottom:2px solid #1f5fa8;color:#1f2d3d;";
    private static final String TD = "padding:6px 10px;border-bottom:1px solid #dde3ea;color:#1f2d3d;";
    private static final String TD_NUMBER = TD + "text-align:right;";

    private DigestHtml() {}

    static String render(DigestReport report, DigestWording w) {
        StringBuilder html = new StringBuilder();
        html.append(element("h2", H2, DigestLines.heading(report, w)));
        html.append(element("p", P, DigestLines.period(report, w)));

        html.append(element("h2", H2, w.word("funnel")));
        html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"")
                .append(TABLE)
                .append("\">");
        html.append("<tr>");
        for (String header : List.of(w.word("figure"), w.word("thisPeriod"), w.word("previous"), w.word("change"))) {
            html.append(element("th", TH, header));
        }
        html.append("</tr>");
        for (DigestLines.FunnelRow row : DigestLines.funnel(report, w)) {
            html.append("<tr>")
                    .append(element("td", TD, row.label()))
                    .append(element("td", TD_NUMBER, row.current()))
                    .append(element("td", TD_NUMBER, row.previous()))
                    .append(element("td", TD_NUMBER, row.change()))
                    .append("</tr>");
        }
        html.append("</table>");

        html.append(element("h2", H2, w.word("goal")));
        DigestLines.goal(report, w).forEach(line -> html.append(element("p", P, line)));

        html.append(element("h2", H2, w.word("abTest")));
        if (report.abTests().isEmpty()) {
            html.append(element("p", P, w.word("noAbTest")));
        }
        for (DigestReport.AbTest test : report.abTests()) {
            html.append(
                    element("p", P, w.word("page") + " " + test.landingPage() + ": " + DigestLines.verdict(test, w)));
            html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"")
                    .append(TABLE)
                    .append("\">");
            html.append("<tr>")
                    .append(element("th", TH, w.word("variant")))
                    .append(element("th", TH, w.word("visitors")))
                    .append(element("th", TH, w.word("leads")))
                    .append(element("th", TH, w.word("conversionRate")))
                    .append("</tr>");
            for (DigestReport.VariantRate variant : test.variants()) {
                html.append("<tr>")
                        .append(element("td", TD, variant.variant()))
                        .append(element("td", TD_NUMBER, w.count(variant.visitors())))
                        .append(element("td", TD_NUMBER, w.count(variant.leads())))
                        .append(element("td", TD_NUMBER, w.percent(variant.conversionRate())))
                        .append("</tr>");
            }
            html.append("</table>");
        }

        html.append(element("h2", H2, w.word("drops")));
        List<String> drops = DigestLines.drops(report, w);
        if (drops.isEmpty()) {
            html.append(element("p", P, w.word("noDrops")));
        } else {
            html.append("<ul style=\"").append(P).append("\">");
            drops.forEach(line -> html.append(element("li", "", line)));
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String element(String tag, String style, String text) {
        String styled = style.isEmpty() ? "" : " style=\"" + style + "\"";
        return "<" + tag + styled + ">" + escape(text) + "</" + tag + ">";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
