package dev.faro.analytics.digest;

import dev.faro.analytics.abtest.Verdict;
import dev.faro.analytics.goal.GoalStatus;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** A digest's words and number formats in Spanish or English. */
final class DigestWording {

    /** Subjects stay well under email-service's limit of 200 characters, whatever the campaign is called. */
    static final int MAX_NAME_IN_SUBJECT = 150;

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("weekly", new String[] {"Resumen semanal", "Weekly summary"}),
            Map.entry("daily", new String[] {"Resumen diario", "Daily summary"}),
            Map.entry("period", new String[] {"Periodo", "Period"}),
            Map.entry("funnel", new String[] {"Embudo", "Funnel"}),
            Map.entry("figure", new String[] {"Cifra", "Figure"}),
            Map.entry("thisPeriod", new String[] {"Este periodo", "This period"}),
            Map.entry("previous", new String[] {"Periodo anterior", "Previous period"}),
            Map.entry("change", new String[] {"Cambio", "Change"}),
            Map.entry("visitors", new String[] {"Visitantes", "Visitors"}),
            Map.entry("leads", new String[] {"Leads", "Leads"}),
            Map.entry("conversionRate", new String[] {"Tasa de conversión", "Conversion rate"}),
            Map.entry("confirmed", new String[] {"Confirmados", "Confirmed"}),
            Map.entry("redemptions", new String[] {"Clientes (canjes)", "Customers (redemptions)"}),
            Map.entry("revenue", new String[] {"Ingresos", "Revenue"}),
            Map.entry("points", new String[] {"puntos", "points"}),
            Map.entry("goal", new String[] {"Objetivo", "Goal"}),
            Map.entry("noGoal", new String[] {"La campaña no tiene objetivo.", "The campaign has no goal."}),
            Map.entry(
                    "goalLine",
                    new String[] {"%s de %s leads (%s %%), hasta el %s: %s.", "%s of %s leads (%s%%), by %s: %s."}),
            Map.entry(
                    "projected",
                    new String[] {"Al ritmo actual se alcanza el %s.", "At the current pace: reached on %s."}),
            Map.entry("abTest", new String[] {"Test A/B", "A/B test"}),
            Map.entry(
                    "noAbTest",
                    new String[] {"Ninguna página compara variantes.", "No landing page compares variants."}),
            Map.entry("variant", new String[] {"Variante", "Variant"}),
            Map.entry("page", new String[] {"Página", "Page"}),
            Map.entry("verdict", new String[] {"Veredicto", "Verdict"}),
            Map.entry("drops", new String[] {"Caídas notables de conversión", "Notable drops in conversion"}),
            Map.entry("noDrops", new String[] {"Ninguna.", "None."}),
            Map.entry("dropTotal", new String[] {"Toda la campaña", "Whole campaign"}),
            Map.entry("dropDay", new String[] {"Día %s", "Day %s"}),
            Map.entry("dropVariant", new String[] {"Variante %s", "Variant %s"}),
            Map.entry("dropLine", new String[] {"%s: %s → %s (%s)", "%s: %s → %s (%s)"}),
            Map.entry("chart", new String[] {"Leads por día", "Leads per day"}),
            Map.entry("utcNote", new String[] {"Cifras por días UTC.", "Figures by UTC day."}),
            Map.entry(GoalStatus.ON_TRACK.label(), new String[] {"en camino", "on track"}),
            Map.entry(GoalStatus.AT_RISK.label(), new String[] {"en riesgo", "at risk"}),
            Map.entry(GoalStatus.REACHED.label(), new String[] {"alcanzado", "reached"}),
            Map.entry(GoalStatus.MISSED.label(), new String[] {"no alcanzado", "missed"}),
            Map.entry(GoalStatus.NO_GOAL.label(), new String[] {"sin objetivo", "no goal"}),
            Map.entry(Verdict.INCONCLUSIVE.label(), new String[] {"sin conclusión todavía", "inconclusive so far"}),
            Map.entry(Verdict.WINNER.label(), new String[] {"gana %s", "%s wins"}),
            Map.entry(Verdict.NO_DIFFERENCE.label(), new String[] {"sin diferencia", "no difference"}));

    private final int index;
    private final Locale locale;
    private final DecimalFormatSymbols symbols;

    private DigestWording(int index, Locale locale) {
        this.index = index;
        this.locale = locale;
        this.symbols = DecimalFormatSymbols.getInstance(locale);
    }

    static DigestWording of(String locale) {
        return "en".equals(locale)
                ? new DigestWording(1, Locale.ENGLISH)
                : new DigestWording(0, Locale.forLanguageTag("es-ES"));
    }

    String word(String key) {
        return WORDS.get(key)[index];
    }

    String format(String key, Object... values) {
        return String.format(locale, word(key), values);
    }

    String subject(Frequency frequency, String campaignName) {
        String name = campaignName
                .replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ")
                .replaceAll("\\s{2,}", " ")
                .strip();
        if (name.length() > MAX_NAME_IN_SUBJECT) {
            name = name.substring(0, MAX_NAME_IN_SUBJECT - 1).strip() + "…";
        }
        return word(frequency.label()) + ": " + name;
    }

    String count(long value) {
        return new DecimalFormat("#,##0", symbols).format(value);
    }

    /** A decimal with two places; "—" when unknown. */
    String decimal(BigDecimal value) {
        return value == null ? "—" : new DecimalFormat("#,##0.00", symbols).format(value);
    }

    /** A percentage: "4,00 %" in Spanish, "4.00%" in English. */
    String percent(BigDecimal value) {
        return value == null ? "—" : decimal(value) + (index == 0 ? " %" : "%");
    }

    String signed(BigDecimal value, boolean whole) {
        if (value == null) {
            return "—";
        }
        String digits = whole ? count(value.abs().longValue()) : decimal(value.abs());
        return (value.signum() < 0 ? "-" : "+") + digits;
    }

    /** A change as "+20 (+20,00 %)"; rates change in points. */
    String change(Change change, boolean whole, boolean points) {
        if (change.absolute() == null) {
            return "—";
        }
        String absolute = signed(change.absolute(), whole) + (points ? " " + word("points") : "");
        return absolute + " (" + signedPercent(change.percent()) + ")";
    }

    /** A percentage with its sign: "+20,00 %", "-5.00%"; "—" when unknown. */
    String signedPercent(BigDecimal value) {
        return value == null ? "—" : signed(value, false) + (index == 0 ? " %" : "%");
    }

    String date(LocalDate day) {
        return day.toString();
    }
}
