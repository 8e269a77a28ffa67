package dev.faro.lead.web;

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
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An IANA time-zone database id, spelled exactly as the database does ({@code Europe/Madrid}, also {@code UTC},
 * which browsers report on machines set to it). Fixed offsets ({@code +01:00}, {@code GMT+1}) are refused: they
 * know nothing of daylight saving, so an email scheduled for 9:00 local would arrive at 8:00 or 10:00 for half
 * the year. Null is valid (the campaign's zone applies).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {

    String message() default "must be an IANA time zone such as Europe/Madrid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaTimeZone, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isRegion(value);
        }

        static boolean isRegion(String id) {
            // ZoneId.of also accepts offsets and "UTC+01:00"-style prefixed offsets; only ids the rules
            // provider knows by name are regions. The JDK's legacy SystemV/* ids are not IANA's.
            if (!ZoneId.getAvailableZoneIds().contains(id) || id.startsWith("SystemV/")) {
                return false;
            }
            try {
                return !(ZoneId.of(id) instanceof ZoneOffset);
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
