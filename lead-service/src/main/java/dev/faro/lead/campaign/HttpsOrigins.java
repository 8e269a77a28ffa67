package dev.faro.lead.campaign;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of distinct web origins exactly as a browser sends them in its {@code Origin} header for an HTTPS page:
 * {@code https://host} or {@code https://host:port}, lowercase, no path, no trailing slash, no default port (a
 * browser never sends {@code :443}, so such an entry could never match). Internationalised hosts are written in
 * their ASCII (punycode) form, as browsers send them. Each fault is reported at its index. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = HttpsOrigins.Validator.class)
public @interface HttpsOrigins {

    String MESSAGE = "must be an origin such as https://example.org or https://example.org:8443 (lowercase,"
            + " no path, no trailing slash, no :443)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpsOrigins, List<String>> {

        private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
        private static final Pattern ORIGIN =
                Pattern.compile("^https://(" + LABEL + "(?:\\." + LABEL + ")*)(?::([1-9][0-9]{0,4}))?$");

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return ListElements.check(values, context, Validator::isOrigin, MESSAGE);
        }

        static boolean isOrigin(String value) {
            var matcher = ORIGIN.matcher(value);
            if (!matcher.matches() || matcher.group(1).length() > 253) {
                return false;
            }
            String port = matcher.group(2);
            if (port == null) {
                return true;
            }
            int number = Integer.parseInt(port);
            return number != 443 && number <= 65535;
        }
    }
}
