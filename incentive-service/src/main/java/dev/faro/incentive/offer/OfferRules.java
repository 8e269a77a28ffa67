package dev.faro.incentive.offer;

import dev.faro.incentive.content.ContentCatalogue;
import dev.faro.support.problem.Problem.FieldError;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an offer request must satisfy on its own (the database's constraints say the same; this names the fields
 * for the marketer). Rules that need other offers, the fallback's, are {@link OfferAdmin}'s.
 */
final class OfferRules {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final String SLUG_MESSAGE =
            "must be a slug: lowercase letters, digits and hyphens, at most 63 characters";
    private static final Pattern CODE_PREFIX = Pattern.compile("^[34679ACDEFGHJKMNPQRTWXY]{1,10}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
    private static final int MAX_DAYS = 3650;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final List<FieldError> errors = new ArrayList<>();

    private OfferRules() {}

    /** Whether the text has the form of an offer id; nothing else can name an offer. */
    static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** The fields at fault; {@code pathId} is the offer being replaced, or null when creating. */
    static List<FieldError> check(OfferRequest request, String pathId, Instant now) {
        OfferRules rules = new OfferRules();
        rules.identity(request, pathId);
        Optional<OfferKind> kind = rules.kind(request.kind());
        kind.ifPresent(k -> rules.fieldsOf(k, request));
        rules.validity(request, now);
        rules.limits(request, kind);
        return List.copyOf(rules.errors);
    }

    private void identity(OfferRequest request, String pathId) {
        if (pathId == null) {
            requireSlug("id", request.id());
        } else if (request.id() != null && !request.id().equals(pathId)) {
            error("id", "must be absent or the offer's id; an offer cannot be renamed");
        }
        requireSlug("campaign", request.campaign());
        if (request.variant() != null && !SLUG.matcher(request.variant()).matches()) {
            error("variant", SLUG_MESSAGE);
        }
    }

    private Optional<OfferKind> kind(String kind) {
        if (kind == null) {
            error("kind", "is required");
            return Optional.empty();
        }
        Optional<OfferKind> known = OfferKind.fromWireName(kind);
        if (known.isEmpty()) {
            error("kind", "must be one of " + OfferKind.wireNames());
        }
        return known;
    }

    private void fieldsOf(OfferKind kind, OfferRequest request) {
        String of = " for kind " + kind.wireName();
        if (kind == OfferKind.PERCENT_DISCOUNT) {
            Integer percent = request.discountPercent();
            if (percent == null) {
                error("discountPercent", "is required" + of);
            } else if (percent < 1 || percent > 100) {
                error("discountPercent", "must be between 1 and 100");
            }
        } else {
            absent("discountPercent", request.discountPercent(), of);
        }
        if (kind == OfferKind.FIXED_DISCOUNT) {
            amount(request.discountAmount(), of);
            currency(request.currency(), of);
        } else {
            absent("discountAmount", request.discountAmount(), of);
            absent("currency", request.currency(), of);
        }
        if (kind == OfferKind.FREE_TRIAL) {
            days("trialDays", request.trialDays(), of);
        } else {
            absent("trialDays", request.trialDays(), of);
        }
        if (kind == OfferKind.FREE_GIFT) {
            text("gift", request.gift(), 200, of);
        } else {
            absent("gift", request.gift(), of);
        }
        if (kind == OfferKind.CONTENT && request.content() == null) {
            error("content", "is required" + of);
        } else if (!kind.allowsContent()) {
            absent("content", request.content(), of);
        } else if (request.content() != null) {
            content(request.content());
        }
        if (!kind.carriesCode()) {
            absent("codePrefix", request.codePrefix(), " for kind " + kind.wireName() + ", which carries no code");
            absent("codePoolId", request.codePoolId(), " for kind " + kind.wireName() + ", which carries no code");
        }
    }

    private void validity(OfferRequest request, Instant now) {
        if ((request.validUntil() == null) == (request.validDays() == null)) {
            String message = "exactly one of validUntil and validDays is required";
            error("validUntil", message);
            error("validDays", message);
            return;
        }
        if (request.validUntil() != null && !request.validUntil().isAfter(now)) {
            error("validUntil", "must be in the future");
        }
        if (request.validDays() != null) {
            days("validDays", request.validDays(), "");
        }
    }

    private void limits(OfferRequest request, Optional<OfferKind> kind) {
        if (request.budget() != null && request.budget() < 0) {
            error("budget", "must be 0 or more");
        }
        if (request.fallbackOfferId() != null) {
            if (!SLUG.matcher(request.fallbackOfferId()).matches()) {
                error("fallbackOfferId", SLUG_MESSAGE);
            } else if (request.fallbackOfferId().equals(request.id())) {
                error("fallbackOfferId", "must be another offer");
            }
        }
        if (request.codePrefix() != null
                && !CODE_PREFIX.matcher(request.codePrefix()).matches()) {
            error("codePrefix", "must be 1 to 10 characters of 34679ACDEFGHJKMNPQRTWXY");
        }
        if (request.codePoolId() != null) {
            if (!SLUG.matcher(request.codePoolId()).matches()) {
                error("codePoolId", SLUG_MESSAGE);
            } else if (request.codePrefix() != null) {
                error("codePrefix", "must be absent with codePoolId: a pool's codes are used as they are");
            }
        }
    }

    private void content(Offer.Content content) {
        text("content.title", content.title(), 200, "");
        String ref = content.ref();
        if (ref == null || ref.isBlank()) {
            error("content.ref", "is required");
        } else if (ContentUrls.isWebAddress(ref)) {
            if (ref.length() > 500 || !isWebUrl(ref)) {
                error(
                        "content.ref",
                        "must be an http(s) URL of at most 500 characters, spaces, quotes and angle brackets"
                                + " percent-encoded");
            }
        } else if (!ContentCatalogue.isValidRef(ref)) {
            error(
                    "content.ref",
                    "must be a content file's ref (lowercase letters, digits, '.', '_' and '-') or an"
                            + " http(s) URL");
        }
    }

    /**
     * An absolute http(s) URL with a host, as RFC 3986 writes it: the link goes into emails, so text that only starts
     * like a URL (raw quotes or angle brackets, spaces, control characters) is refused rather than passed on.
     */
    private static boolean isWebUrl(String ref) {
        if (CONTROL.matcher(ref).find()) {
            return false;
        }
        try {
            URI uri = new URI(ref);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void amount(BigDecimal amount, String of) {
        if (amount == null) {
            error("discountAmount", "is required" + of);
        } else if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            error("discountAmount", "must be more than 0 and at most " + MAX_AMOUNT);
        } else if (amount.stripTrailingZeros().scale() > 2) {
            error("discountAmount", "must have at most 2 decimals");
        }
    }

    private void currency(String currency, String of) {
        if (currency == null) {
            error("currency", "is required" + of);
            return;
        }
        boolean known = currency.matches("^[A-Z]{3}$")
                && Currency.getAvailableCurrencies().stream()
                        .anyMatch(c -> c.getCurrencyCode().equals(currency));
        if (!known) {
            error("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    private void days(String field, Integer days, String of) {
        if (days == null) {
            error(field, "is required" + of);
        } else if (days < 1 || days > MAX_DAYS) {
            error(field, "must be between 1 and " + MAX_DAYS);
        }
    }

    private void text(String field, String value, int max, String of) {
        if (value == null || value.isBlank()) {
            error(field, "is required" + of);
        } else if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
        } else if (CONTROL.matcher(value).find()) {
            error(field, "must not contain control characters");
        }
    }

    private void requireSlug(String field, String value) {
        if (value == null) {
            error(field, "is required");
        } else if (!SLUG.matcher(value).matches()) {
            error(field, SLUG_MESSAGE);
        }
    }

    private void absent(String field, Object value, String of) {
        if (value != null) {
            error(field, "must be absent" + of);
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
