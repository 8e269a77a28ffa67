package dev.faro.incentive.offer;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer as a marketer sets it, for creating it (with {@code id}) or replacing it (no other {@code id} than the
 * path's; the campaign stays). {@link OfferRules} checks it field by field, naming every field at fault at once.
 */
@Schema(name = "OfferRequest")
public record OfferRequest(
        @Schema(examples = "demo-ebook-10", description = "Slug; required when creating") String id,
        @Schema(examples = "demo", description = "The campaign's id; cannot change") String campaign,
        @Schema(examples = "b", description = "The A/B variant the offer is for; absent for the campaign-wide offer")
                String variant,
        @Schema(
                        examples = "percent-discount",
                        enumeration = {
                            "percent-discount",
                            "fixed-discount",
                            "free-shipping",
                            "content",
                            "free-trial",
                            "free-gift",
                            "contest-entry"
                        })
                String kind,
        @Schema(examples = "10", description = "Kind percent-discount: 1 to 100") Integer discountPercent,
        @Schema(examples = "5.00", description = "Kind fixed-discount: the amount, with currency")
                BigDecimal discountAmount,
        @Schema(examples = "EUR", description = "Kind fixed-discount: ISO 4217 code") String currency,
        @Schema(description = "Kind content, or along with a discount: what to download") Offer.Content content,
        @Schema(examples = "14", description = "Kind free-trial: how many days the trial lasts") Integer trialDays,
        @Schema(examples = "A tote bag", description = "Kind free-gift: what the gift is") String gift,
        @Schema(examples = "2026-12-31T23:00:00Z", description = "Valid until then; or validDays, exactly one")
                Instant validUntil,
        @Schema(examples = "30", description = "Valid this many days after issue; or validUntil, exactly one")
                Integer validDays,
        @Schema(examples = "500", description = "The most incentives this offer gives; absent for no limit")
                Integer budget,
        @Schema(
                        examples = "demo-ebook",
                        description = "Offer of the same campaign given instead once the budget or the code pool runs"
                                + " out")
                String fallbackOfferId,
        @Schema(examples = "BF", description = "Prefix of generated codes, from the code alphabet") String codePrefix,
        @Schema(examples = "shop-codes", description = "Imported code pool the codes come from, instead of generated")
                String codePoolId) {

    Offer toOffer(String id, int issued) {
        return new Offer(
                id,
                campaign,
                variant,
                OfferKind.fromWireName(kind).orElseThrow(),
                discountPercent,
                discountAmount,
                currency,
                content,
                trialDays,
                gift,
                validUntil,
                validDays,
                budget,
                issued,
                fallbackOfferId,
                codePrefix,
                codePoolId);
    }
}
