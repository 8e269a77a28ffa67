package dev.faro.lead.campaign;

import jakarta.validation.ConstraintValidatorContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks every element of a list of strings and that none repeats, reporting each fault at its index
 * ({@code landingPages[0].variants[1]}). Constraints on the elements themselves ({@code List<@Pattern String>})
 * would be reported as {@code variants[1].<list element>}, which is no field a client sent.
 */
final class ListElements {

    private ListElements() {}

    static boolean check(
            List<String> values, ConstraintValidatorContext context, Predicate<String> valid, String invalidMessage) {
        if (values == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String fault = value == null
                    ? "is required"
                    : !valid.test(value) ? invalidMessage : !seen.add(value) ? "is a duplicate" : null;
            if (fault != null) {
                report(context, i, fault);
                ok = false;
            }
        }
        return ok;
    }

    static void report(ConstraintValidatorContext context, int index, String message) {
        context.buildConstraintViolationWithTemplate(escape(message))
                .addBeanNode()
                .inIterable()
                .atIndex(index)
                .addConstraintViolation();
    }

    /** Messages may quote client input; braces and dollars would be read as message interpolation. */
    static String escape(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
