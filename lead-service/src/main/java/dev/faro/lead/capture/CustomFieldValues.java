package dev.faro.lead.capture;

import dev.faro.lead.campaign.CustomField;
import dev.faro.support.problem.Problem.FieldError;
import dev.faro.support.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the custom fields of a submission against the ones its campaign declares, and returns them in the
 * form they are stored and published: text as trimmed strings, numbers as decimals, booleans, dates as ISO
 * strings. HTML forms send every value as a string, so "42", "true" or "on" are accepted where a number or a
 * boolean is declared; anything else, and any field the campaign does not declare, is a 400 naming
 * {@code customFields.<name>}.
 */
final class CustomFieldValues {

    static final int MAX_TEXT = 1000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("(?<=\\d)[\\p{Zs}.-]+(?=\\d)");
    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    private CustomFieldValues() {}

    static Map<String, Object> validated(List<CustomField> declared, Map<String, Object> given) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Map<String, CustomField> byName =
                declared.stream().collect(Collectors.toMap(CustomField::name, field -> field));
        List<FieldError> errors = new ArrayList<>();
        values.keySet().stream()
                .filter(name -> !byName.containsKey(name))
                .sorted()
                .forEach(name -> errors.add(error(name, "is not a field of this campaign")));
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (CustomField field : declared) {
            Object raw = blankToNull(values.get(field.name()));
            if (raw == null) {
                if (field.required()) {
                    errors.add(error(field.name(), "is required"));
                }
                continue;
            }
            try {
                accepted.put(field.name(), convert(field.type(), raw));
            } catch (IllegalArgumentException invalid) {
                errors.add(error(field.name(), invalid.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return accepted;
    }

    private static Object convert(String type, Object raw) {
        return switch (type) {
            case "text" -> text(raw);
            case "number" -> number(raw);
            case "boolean" -> bool(raw);
            case "date" -> date(raw);
            case "email" -> matching(text(raw).toLowerCase(java.util.Locale.ROOT), EMAIL, "must be an email address");
            case "phone" -> matching(
                    PHONE_SEPARATORS.matcher(text(raw)).replaceAll(""),
                    E164,
                    "must be an E.164 number such as +34612345678");
            default -> throw new IllegalStateException("custom field type " + type + " is not handled");
        };
    }

    private static String text(Object raw) {
        if (!(raw instanceof String text)) {
            throw new IllegalArgumentException("must be text");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new IllegalArgumentException("must not contain control characters or line breaks");
        }
        return trimmed;
    }

    private static BigDecimal number(Object raw) {
        try {
            BigDecimal number = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(raw));
            // A 1e999999 would be a valid BigDecimal and a denial of service for whoever formats it.
            if (number.precision() - number.scale() > 18 || number.scale() > 6) {
                throw new IllegalArgumentException("must be a number of at most 18 digits and 6 decimals");
            }
            return number.stripTrailingZeros();
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("must be a number");
        }
    }

    private static boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = raw instanceof String s ? s.strip().toLowerCase(java.util.Locale.ROOT) : "";
        if (TRUE.contains(text)) {
            return true;
        }
        if (FALSE.contains(text)) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static String date(Object raw) {
        try {
            return LocalDate.parse(text(raw)).toString();
        } catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
        }
    }

    private static String matching(String value, Pattern pattern, String message) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static FieldError error(String name, String message) {
        return new FieldError("customFields." + name, message);
    }
}
