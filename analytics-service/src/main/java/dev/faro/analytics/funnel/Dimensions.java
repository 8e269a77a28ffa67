package dev.faro.analytics.funnel;

import dev.faro.contract.events.Utm;

/**
 * Where a visit or a lead came from: landing page, variant, UTM source and medium. An unknown value is the empty
 * string, never null, so it takes part in the fact table's primary key. Values are whatever a visitor's link said,
 * kept verbatim (markup included: whoever shows them escapes them) except that they are cut to their column's width
 * and a NUL is replaced, since neither an over-long value nor a NUL may stall the consumer.
 */
public record Dimensions(String landingPage, String variant, String source, String medium) {

    /** Nothing known: where events of unattributed or erased leads are counted. */
    public static final Dimensions NONE = new Dimensions("", "", "", "");

    public Dimensions {
        landingPage = fit(landingPage, 63);
        variant = fit(variant, 31);
        source = fit(source, 100);
        medium = fit(medium, 100);
    }

    static Dimensions of(String landingPage, String variant, Utm utm) {
        return new Dimensions(
                landingPage, variant, utm == null ? null : utm.source(), utm == null ? null : utm.medium());
    }

    /**
     * The value cut to its column; a NUL, which no PostgreSQL text can hold (the insert would fail, and the event be
     * retried forever, stalling its partition), shows as U+FFFD, the replacement character.
     */
    private static String fit(String value, int width) {
        if (value == null) {
            return "";
        }
        String storable = value.replace('\u0000', '\uFFFD');
        return storable.length() <= width ? storable : storable.substring(0, width);
    }
}
