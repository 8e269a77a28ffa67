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

/** A list of distinct slugs; each fault is reported at its index. Null is valid. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = Slugs.Validator.class)
public @interface Slugs {

    String message() default CampaignIds.SLUG_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Slugs, List<String>> {

        private static final Pattern SLUG = Pattern.compile(CampaignIds.SLUG);

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return ListElements.check(values, context, v -> SLUG.matcher(v).matches(), CampaignIds.SLUG_MESSAGE);
        }
    }
}
