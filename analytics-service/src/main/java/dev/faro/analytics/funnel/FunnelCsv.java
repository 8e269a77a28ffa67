package dev.faro.analytics.funnel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The funnel as RFC 4180 CSV (comma-separated, CRLF line ends, header row): a row of totals, then one per group.
 * Group keys are UTM values that anyone can put in a link, so a text cell a spreadsheet would take for a formula
 * (leading =, +, -, @, tab or carriage return) is prefixed with an apostrophe. Number cells are written as plain
 * decimals and left alone: a negative ROI must stay a number.
 */
final class FunnelCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final List<String> FIGURES = List.of(
            "visitors",
            "leads",
            "confirmed",
            "incentivesIssued",
            "emailsSent",
            "emailsFailed",
            "opens",
            "clicks",
            "redemptions",
            "revenue",
            "currency",
            "spend",
            "spendCurrency",
            "unsubscribes",
            "erasures",
            "conversionRate",
            "leadToCustomerRate",
            "costPerLead",
            "roi",
            "unsubscribeRate");

    private FunnelCsv() {}

    /** Columns: campaign, scope ("total" or the groupBy), key, landingPage, cumulativeLeads, then the figures. */
    static String of(FunnelView funnel) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("campaign", "scope", "key", "landingPage", "cumulativeLeads"));
        header.addAll(FIGURES);
        row(csv, header);
        row(csv, cells(funnel.campaign(), "total", null, null, null, funnel.totals()));
        if (funnel.groups() != null) {
            for (FunnelView.FunnelGroup group : funnel.groups()) {
                row(
                        csv,
                        cells(
                                funnel.campaign(),
                                funnel.groupBy(),
                                group.key(),
                                group.landingPage(),
                                group.cumulativeLeads(),
                                group.figures()));
            }
        }
        return csv.toString();
    }

    private static List<String> cells(
            String campaign, String scope, String key, String landingPage, Long cumulativeLeads, FunnelFigures f) {
        List<String> cells = new ArrayList<>();
        cells.add(text(campaign));
        cells.add(text(scope));
        cells.add(text(key));
        cells.add(text(landingPage));
        cells.add(number(cumulativeLeads));
        cells.add(number(f.visitors()));
        cells.add(number(f.leads()));
        cells.add(number(f.confirmed()));
        cells.add(number(f.incentivesIssued()));
        cells.add(number(f.emailsSent()));
        cells.add(number(f.emailsFailed()));
        cells.add(number(f.opens()));
        cells.add(number(f.clicks()));
        cells.add(number(f.redemptions()));
        cells.add(number(f.revenue()));
        cells.add(text(f.currency()));
        cells.add(number(f.spend()));
        cells.add(text(f.spendCurrency()));
        cells.add(number(f.unsubscribes()));
        cells.add(number(f.erasures()));
        cells.add(number(f.conversionRate()));
        cells.add(number(f.leadToCustomerRate()));
        cells.add(number(f.costPerLead()));
        cells.add(number(f.roi()));
        cells.add(number(f.unsubscribeRate()));
        return cells;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }

    private static String number(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** A text cell, defused and quoted as needed; null is an empty cell. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String defused = isFormulaStart(value.charAt(0)) ? "'" + value : value;
        boolean needsQuotes = defused.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + defused.replace("\"", "\"\"") + '"' : defused;
    }

    private static boolean isFormulaStart(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
