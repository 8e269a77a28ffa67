package dev.faro.incentive.offer;

import java.math.BigDecimal;
import java.time.Instant;

/** An offer as the admin API shows it: what was set, plus how many incentives it has given. */
public record OfferView(
        String id,
        String campaign,
        String variant,
        String kind,
        Integer discountPercent,
        BigDecimal discountAmount,
        String currency,
        Offer.Content content,
        Integer trialDays,
        String gift,
        Instant validUntil,
        Integer validDays,
        Integer budget,
        int issued,
        boolean carriesCode,
        String fallbackOfferId,
        String codePrefix,
        String codePoolId) {

    static OfferView of(Offer offer) {
        return new OfferView(
                offer.id(),
                offer.campaign(),
                offer.variant(),
                offer.kind().wireName(),
                offer.discountPercent(),
                offer.discountAmount(),
                offer.currency(),
                offer.content(),
                offer.trialDays(),
                offer.gift(),
                offer.validUntil(),
                offer.validDays(),
                offer.budget(),
                offer.issued(),
                offer.kind().carriesCode(),
                offer.fallbackOfferId(),
                offer.codePrefix(),
                offer.codePoolId());
    }
}
