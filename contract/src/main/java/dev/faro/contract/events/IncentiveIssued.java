package dev.faro.contract.events;

import java.time.Instant;
import java.util.UUID;

/** The one incentive a lead gets for a campaign. */
public record IncentiveIssued(
        UUID incentiveId,
        UUID leadId,
        String campaign,
        String kind,
        String code,
        Integer discountPercent,
        Content content,
        Instant expiresAt) {

    /** Kinds of incentive; the string form travels on the wire. */
    public static final String DISCOUNT_CODE = "discount-code";

    /** Downloadable content offered with the incentive (an ebook, say). */
    public record Content(String title, String url) {}
}
