package dev.faro.contract.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The one incentive a lead gets for a campaign. {@code kind} says which of the optional fields are set: a percent
 * discount has {@code discountPercent}, a fixed discount {@code discountAmount} and {@code currency}, a free trial
 * {@code trialDays}, a free gift {@code gift}; every kind but content carries a {@code code}, and content may come
 * with a discount. {@code offerId} is null for the configured default discount and for events from before offers.
 */
public record IncentiveIssued(
        UUID incentiveId,
        UUID leadId,
        String campaign,
        String kind,
        String code,
        Integer discountPercent,
        Content content,
        Instant expiresAt,
        String offerId,
        BigDecimal discountAmount,
        String currency,
        Integer trialDays,
        String gift) {

    /** Kinds of incentive; the string form travels on the wire. */
    public static final String PERCENT_DISCOUNT = "percent-discount";

    public static final String FIXED_DISCOUNT = "fixed-discount";
    public static final String FREE_SHIPPING = "free-shipping";
    public static final String CONTENT = "content";
    public static final String FREE_TRIAL = "free-trial";
    public static final String FREE_GIFT = "free-gift";
    public static final String CONTEST_ENTRY = "contest-entry";

    /** What percent discounts were called before offers had kinds; events on the topic may still carry it. */
    public static final String DISCOUNT_CODE = "discount-code";

    /** Downloadable content offered with the incentive (an ebook, say). */
    public record Content(String title, String url) {}
}
