package dev.faro.incentive.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What leads of a campaign (or of one of its A/B variants, when {@code variant} is set) receive. Only the fields
 * of its {@link OfferKind} are set; {@code content} may come with a discount too. Valid until an instant or for a
 * number of days after issue, exactly one of them. {@code budget} caps the incentives given ({@code issued} so far);
 * {@code fallbackOfferId} names what leads get instead once the budget or the code pool runs out.
 */
public record Offer(
        String id,
        String campaign,
        String variant,
        OfferKind kind,
        Integer discountPercent,
        BigDecimal discountAmount,
        String currency,
        Content content,
        Integer trialDays,
        String gift,
        Instant validUntil,
        Integer validDays,
        Integer budget,
        int issued,
        String fallbackOfferId,
        String codePrefix,
        String codePoolId) {

    /** Something to download: a content file's ref, or an absolute http(s) URL. */
    public record Content(String title, String ref) {}

    /** When an incentive issued at {@code issuedAt} expires. */
    public Instant expiresAt(Instant issuedAt) {
        return validUntil != null ? validUntil : issuedAt.plus(validDays, ChronoUnit.DAYS);
    }

    /** An absolute validity that has passed: the offer can no longer be given. */
    public boolean hasExpired(Instant now) {
        return validUntil != null && !validUntil.isAfter(now);
    }

    /** The configured default for campaigns without an offer: stored nowhere, so it has neither id nor budget. */
    public boolean isDefault() {
        return id == null;
    }
}
