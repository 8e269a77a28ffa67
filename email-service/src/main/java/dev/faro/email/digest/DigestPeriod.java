package dev.faro.email.digest;

import dev.faro.email.contact.Language;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The heading that names a digest's period, as a reader of each language writes it. */
final class DigestPeriod {

    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    private DigestPeriod() {}

    /** "Resumen del 19 al 25 de noviembre de 2026", "Summary for 19–25 November 2026". */
    static String heading(Language language, LocalDate start, LocalDate end) {
        return switch (language) {
            case ES -> "Resumen " + spanish(start, end);
            case EN -> "Summary for " + english(start, end);
        };
    }

    private static String spanish(LocalDate start, LocalDate end) {
        if (start.equals(end)) {
            return "del " + day(start) + " de " + month(start, SPANISH) + " de " + start.getYear();
        }
        String from;
        if (start.getYear() != end.getYear()) {
            from = day(start) + " de " + month(start, SPANISH) + " de " + start.getYear();
        } else if (start.getMonth() != end.getMonth()) {
            from = day(start) + " de " + month(start, SPANISH);
        } else {
            from = day(start);
        }
        return "del " + from + " al " + day(end) + " de " + month(end, SPANISH) + " de " + end.getYear();
    }

    private static String english(LocalDate start, LocalDate end) {
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        if (start.equals(end)) {
            return start.format(full);
        }
        String from;
        if (start.getYear() != end.getYear()) {
            from = start.format(full) + " – ";
        } else if (start.getMonth() != end.getMonth()) {
            from = start.format(DateTimeFormatter.ofPattern("d MMMM", Locale.UK)) + " – ";
        } else {
            from = day(start) + "–";
        }
        return from + end.format(full);
    }

    private static String day(LocalDate date) {
        return String.valueOf(date.getDayOfMonth());
    }

    private static String month(LocalDate date, Locale locale) {
        return date.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale).toLowerCase(locale);
    }
}
