package dev.faro.incentive.offer;

import java.util.Arrays;
import java.util.Optional;

/** What an offer gives. The wire name is what the admin API, the database and IncentiveIssued carry. */
public enum OfferKind {
    PERCENT_DISCOUNT("percent-discount", true),
    FIXED_DISCOUNT("fixed-discount", true),
    FREE_SHIPPING("free-shipping", true),
    CONTENT("content", false),
    FREE_TRIAL("free-trial", true),
    // The code is what the shop asks for when the gift is claimed.
    FREE_GIFT("free-gift", true),
    // The code is the entry's number, what the draw announces.
    CONTEST_ENTRY("contest-entry", true);

    private final String wireName;
    private final boolean carriesCode;

    OfferKind(String wireName, boolean carriesCode) {
        this.wireName = wireName;
        this.carriesCode = carriesCode;
    }

    public String wireName() {
        return wireName;
    }

    public boolean carriesCode() {
        return carriesCode;
    }

    /** Whether content may come with this kind (besides kind content itself: the demo's code plus ebook). */
    public boolean allowsContent() {
        return this == CONTENT || this == PERCENT_DISCOUNT || this == FIXED_DISCOUNT;
    }

    public static Optional<OfferKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(OfferKind::wireName).toList());
    }
}
