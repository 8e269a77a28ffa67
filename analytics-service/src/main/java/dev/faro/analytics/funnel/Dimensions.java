package dev.faro.analytics.funnel;

import dev.faro.contract.events.Utm;

/**
 * Where a visit or a lead came from: landing page, variant, UTM source and medium. An unknown value is the empty
 * string, never null, so it takes part in the fact table's primary key. Values are cut to their column's width:
 * UTM parameters are whatever a visitor's link said, and an over-long one must not stall the consumer.
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

    private static String fit(String value, int width) {
        if (value == null) {
            return "";
        }
        return value.length() <= width ? value : value.substring(0, width);
    }
}
