package dev.faro.lead.capture;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person could have typed into a form field: no control characters (C0 and C1, so NUL, tabs and line
 * breaks too), no Unicode line or paragraph separators, no unpaired surrogates.
 *
 * <p>Such values are rejected rather than stripped. A browser's single-line input never sends them, so they
 * come from scripts; stripping would silently store something other than what was sent (and make {@code
 * "a\u0000b"} and {@code "ab"} the same person), while a line break that survives into a name or address is
 * a header or log injection waiting for the first consumer that forgets to escape it. A 400 naming the field
 * is visible and costs a real visitor nothing.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[^\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]*")
public @interface PlainText {

    String message() default "must not contain control characters or line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
