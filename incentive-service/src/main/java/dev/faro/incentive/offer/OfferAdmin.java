package dev.faro.incentive.offer;

import dev.faro.incentive.content.ContentCatalogue;
import dev.faro.support.campaign.CampaignSlugs;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.Problem.FieldError;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates, replaces and reads offers for the admin API, checking what needs the other offers of the campaign. */
@ApplicationScoped
public class OfferAdmin {

    private final OfferStore store;
    private final ContentCatalogue contents;

    public OfferAdmin(OfferStore store, ContentCatalogue contents) {
        this.store = store;
        this.contents = contents;
    }

    @Transactional
    public OfferView create(OfferRequest request) {
        List<FieldError> errors = new ArrayList<>(OfferRules.check(request, null, Instant.now()));
        if (errors.isEmpty()) {
            errors.addAll(againstOtherOffers(request.id(), request));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Offer offer = request.toOffer(request.id(), 0);
        if (!store.insert(offer)) {
            throw new ProblemException(Problem.of(
                    "offer-exists", "The offer exists", 409, "an offer with id " + offer.id() + " exists", List.of()));
        }
        return OfferView.of(offer);
    }

    @Transactional
    public OfferView replace(String id, OfferRequest request) {
        Offer current = existing(id).orElseThrow(() -> ProblemException.notFound("no offer " + id));
        List<FieldError> errors = new ArrayList<>(OfferRules.check(request, id, Instant.now()));
        if (request.campaign() != null && !request.campaign().equals(current.campaign())) {
            errors.add(new FieldError(
                    "campaign",
                    "must be the offer's campaign, " + current.campaign()
                            + "; an offer cannot move to another campaign"));
        }
        if (errors.isEmpty()) {
            errors.addAll(againstOtherOffers(id, request));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Offer offer = request.toOffer(id, current.issued());
        store.update(offer);
        return OfferView.of(offer);
    }

    @Transactional
    public OfferView find(String id) {
        return existing(id).map(OfferView::of).orElseThrow(() -> ProblemException.notFound("no offer " + id));
    }

    @Transactional
    public List<OfferView> list(String campaignId) {
        List<Offer> offers = campaignId == null ? store.all() : store.ofCampaign(CampaignSlugs.require(campaignId));
        return offers.stream().map(OfferView::of).toList();
    }

    /** The offer a path names; text that is no offer id names none and is not looked up. */
    private Optional<Offer> existing(String id) {
        return OfferRules.isSlug(id) ? store.find(id) : Optional.empty();
    }

    private List<FieldError> againstOtherOffers(String id, OfferRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.variant() != null) {
            store.forVariant(request.campaign(), request.variant())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> errors.add(new FieldError(
                            "variant", "already has an offer in campaign " + request.campaign() + ": " + other.id())));
        }
        Offer.Content content = request.content();
        if (content != null
                && !ContentUrls.isWebAddress(content.ref())
                && contents.find(content.ref()).isEmpty()) {
            errors.add(new FieldError("content.ref", "no such content file; upload it first"));
        }
        if (request.fallbackOfferId() != null) {
            fallbackError(id, request).ifPresent(message -> errors.add(new FieldError("fallbackOfferId", message)));
        }
        return errors;
    }

    private Optional<String> fallbackError(String id, OfferRequest request) {
        Optional<Offer> fallback = store.find(request.fallbackOfferId());
        if (fallback.isEmpty()) {
            return Optional.of("no such offer");
        }
        if (!fallback.get().campaign().equals(request.campaign())) {
            return Optional.of("must be an offer of campaign " + request.campaign());
        }
        Set<String> seen = new HashSet<>();
        for (Optional<Offer> next = fallback; next.isPresent(); next = next.flatMap(this::fallbackOf)) {
            if (next.get().id().equals(id) || !seen.add(next.get().id())) {
                return Optional.of("would make a loop: " + request.fallbackOfferId() + " falls back to " + id);
            }
        }
        return Optional.empty();
    }

    private Optional<Offer> fallbackOf(Offer offer) {
        return offer.fallbackOfferId() == null ? Optional.empty() : store.find(offer.fallbackOfferId());
    }
}
