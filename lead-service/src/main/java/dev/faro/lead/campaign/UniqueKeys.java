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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No element of the list is null and no two share a key ({@code landingPages[2].id: is a duplicate}). The database
 * refuses duplicates too; this names the element before it gets there. Null is valid.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = UniqueKeys.Validator.class)
public @interface UniqueKeys {

    /** The property holding the key, named in the violation. */
    String property();

    String message() default "is a duplicate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** An element identified by one of its properties within its list. */
    interface Keyed {
        String key();
    }

    class Validator implements ConstraintValidator<UniqueKeys, List<? extends Keyed>> {

        private String property;

        @Override
        public void initialize(UniqueKeys annotation) {
            property = annotation.property();
        }

        @Override
        public boolean isValid(List<? extends Keyed> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean ok = true;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                Keyed value = values.get(i);
                if (value == null) {
                    ListElements.report(context, i, "is required");
                    ok = false;
                } else if (value.key() != null && !seen.add(value.key())) {
                    context.buildConstraintViolationWithTemplate("is a duplicate")
                            .addPropertyNode(property)
                            .inIterable()
                            .atIndex(i)
                            .addConstraintViolation();
                    ok = false;
                }
            }
            return ok;
        }
    }
}
