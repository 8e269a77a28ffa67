package dev.faro.incentive.offer;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;

/**
 * Which offer a lead gets: its variant's offer, else the campaign-wide one (the campaign's {@code offerRef} when it
 * names one of the campaign's offers), else the configured default discount.
 */
@ApplicationScoped
public class OfferCatalogue {

    @ConfigMapping(prefix = "faro.incentive")
    public interface Defaults {
        int defaultDiscountPercent();

        Duration defaultValidity();
    }

    private final OfferStore store;
    private final Defaults defaults;

    public OfferCatalogue(OfferStore store, Defaults defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    /**
     * The variant a lead came with, if an offer could name it (offer variants are slugs); null otherwise. A form may
     * send anything as its variant: what no offer can name is neither looked up nor kept.
     */
    public static String offerVariant(String variant) {
        return OfferRules.isSlug(variant) ? variant : null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Offer forLead(String campaignId, String variant, String offerRef) {
        String named = offerVariant(variant);
        Optional<Offer> ofVariant = named == null ? Optional.empty() : store.forVariant(campaignId, named);
        return ofVariant.or(() -> store.campaignWide(campaignId, offerRef)).orElseGet(() -> defaultFor(campaignId));
    }

    /** The offer given instead of {@code offer} when it cannot be given; empty when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Offer> fallbackOf(Offer offer) {
        return offer.fallbackOfferId() == null ? Optional.empty() : store.find(offer.fallbackOfferId());
    }

    private Offer defaultFor(String campaignId) {
        return new Offer(
                null,
                campaignId,
                null,
                OfferKind.PERCENT_DISCOUNT,
                defaults.defaultDiscountPercent(),
                null,
                null,
                null,
                null,
                null,
                null,
                Math.toIntExact(defaults.defaultValidity().toDays()),
                null,
                0,
                null,
                null,
                null);
    }
}
