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
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An IANA time-zone region spelled as the database does ({@code Europe/Madrid}; {@code UTC} too). Fixed offsets
 * ({@code +01:00}, {@code GMT+1}) are refused: a campaign's emails are scheduled in local time, and an offset knows
 * nothing of daylight saving. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = TimeZoneRegion.Validator.class)
public @interface TimeZoneRegion {

    String message() default "must be an IANA time zone such as Europe/Madrid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneRegion, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // The JDK's region ids are the IANA ones plus its legacy SystemV/* aliases; offsets are not in the set.
            return value == null
                    || (ZoneId.getAvailableZoneIds().contains(value)
                            && !value.startsWith("SystemV/")
                            && !(ZoneId.of(value) instanceof ZoneOffset));
        }
    }
}
