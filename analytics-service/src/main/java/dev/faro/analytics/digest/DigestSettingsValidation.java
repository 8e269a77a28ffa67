package dev.faro.analytics.digest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a PUT body field by field, so every error names its field ({@code subscribers[2].timeZone}) and a form
 * can show them all at once. Addresses follow email-service's rule for digests: a dot-atom local part and a
 * domain of at least two labels, at most 254 characters.
 */
final class DigestSettingsValidation {

    static final int MAX_SUBSCRIBERS = 50;
    static final Set<String> LOCALES = Set.of("es", "en");

    private static final int MAX_ADDRESS = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private DigestSettingsValidation() {}

    /** What the body asks for, or a 400 problem naming every field at fault. */
    static Valid check(JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with frequency and subscribers");
        }
        JsonNode frequencyNode = body.get("frequency");
        Frequency frequency = null;
        if (frequencyNode == null || !frequencyNode.isTextual()) {
            errors.add(new Problem.FieldError("frequency", "is required: daily or weekly"));
        } else {
            frequency = Frequency.parse(frequencyNode.asText()).orElse(null);
            if (frequency == null) {
                errors.add(new Problem.FieldError("frequency", "must be daily or weekly"));
            }
        }
        List<Subscriber> subscribers = new ArrayList<>();
        JsonNode list = body.get("subscribers");
        if (list == null || !list.isArray()) {
            errors.add(new Problem.FieldError("subscribers", "is required: a list of {email, locale, timeZone}"));
        } else if (list.size() > MAX_SUBSCRIBERS) {
            errors.add(new Problem.FieldError(
                    "subscribers", "has " + list.size() + " entries; at most " + MAX_SUBSCRIBERS));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                subscriber(list.get(i), "subscribers[" + i + "]", seen, errors).ifPresent(subscribers::add);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Valid(frequency, List.copyOf(subscribers));
    }

    record Valid(Frequency frequency, List<Subscriber> subscribers) {}

    private static java.util.Optional<Subscriber> subscriber(
            JsonNode entry, String path, Set<String> seen, List<Problem.FieldError> errors) {
        if (entry == null || !entry.isObject()) {
            errors.add(new Problem.FieldError(path, "must be an object with email, locale and timeZone"));
            return java.util.Optional.empty();
        }
        int before = errors.size();
        String email = text(entry, "email");
        if (!validAddress(email)) {
            errors.add(new Problem.FieldError(path + ".email", "must be a valid email address"));
        } else if (!seen.add(email.toLowerCase(Locale.ROOT))) {
            errors.add(new Problem.FieldError(path + ".email", "is listed twice"));
        }
        String locale = text(entry, "locale");
        if (locale == null || !LOCALES.contains(locale)) {
            errors.add(new Problem.FieldError(path + ".locale", "must be es or en"));
        }
        String timeZone = text(entry, "timeZone");
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new Problem.FieldError(
                    path + ".timeZone", "must be an IANA time zone such as Europe/Madrid or America/New_York"));
        }
        return errors.size() == before
                ? java.util.Optional.of(new Subscriber(email, locale, timeZone))
                : java.util.Optional.empty();
    }

    static boolean validAddress(String address) {
        return address != null
                && address.length() <= MAX_ADDRESS
                && ADDRESS.matcher(address).matches()
                && address.indexOf('@') <= MAX_LOCAL_PART;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
