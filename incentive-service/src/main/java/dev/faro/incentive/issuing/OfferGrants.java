package dev.faro.incentive.issuing;

import dev.faro.incentive.code.CodeAllocator;
import dev.faro.incentive.code.CodeSpec;
import dev.faro.incentive.offer.Offer;
import dev.faro.incentive.offer.OfferCatalogue;
import dev.faro.incentive.offer.OfferStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes what an incentive needs from an offer (a unit of its budget, a code) or, when the offer cannot give it,
 * from its fallback, and so on down a chain of at most {@value #MAX_CHAIN} offers.
 */
@ApplicationScoped
public class OfferGrants {

    /** The database refuses fallback loops; the bound is a second guard, and a chain this long is a mistake. */
    static final int MAX_CHAIN = 8;

    public static final String EXPIRED = "expired";
    public static final String BUDGET_EXHAUSTED = "budget-exhausted";
    public static final String CODE_POOL_EXHAUSTED = "code-pool-exhausted";
    public static final String FALLBACK_CHAIN_TOO_LONG = "fallback-chain-too-long";

    /** What an issue got: an offer and its code, or why there was nothing to give. */
    public sealed interface Outcome permits Granted, Refused {}

    /** {@code code} is null for kinds that carry none. */
    public record Granted(Offer offer, String code) implements Outcome {}

    public record Refused(String reason) implements Outcome {}

    private final OfferCatalogue offers;
    private final OfferStore store;
    private final CodeAllocator codes;

    public OfferGrants(OfferCatalogue offers, OfferStore store, CodeAllocator codes) {
        this.offers = offers;
        this.store = store;
        this.codes = codes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome take(Offer first, UUID incentiveId, Instant now) {
        Offer candidate = first;
        for (int step = 0; step < MAX_CHAIN; step++) {
            Outcome outcome = tryToGive(candidate, incentiveId, now);
            if (outcome instanceof Granted) {
                return outcome;
            }
            Optional<Offer> fallback = offers.fallbackOf(candidate);
            if (fallback.isEmpty()) {
                return outcome;
            }
            candidate = fallback.get();
        }
        return new Refused(FALLBACK_CHAIN_TOO_LONG);
    }

    /** Takes the offer's budget unit and code when it can be given. */
    private Outcome tryToGive(Offer offer, UUID incentiveId, Instant now) {
        if (offer.hasExpired(now)) {
            return new Refused(EXPIRED);
        }
        if (!offer.isDefault() && !store.takeFromBudget(offer.id())) {
            return new Refused(BUDGET_EXHAUSTED);
        }
        if (!offer.kind().carriesCode()) {
            return new Granted(offer, null);
        }
        Optional<String> code = codes.allocate(new CodeSpec(offer.codePrefix(), offer.codePoolId()), incentiveId);
        if (code.isEmpty()) {
            if (!offer.isDefault()) {
                store.giveBackToBudget(offer.id());
            }
            return new Refused(CODE_POOL_EXHAUSTED);
        }
        return new Granted(offer, code.get());
    }
}
