package io.ticketing.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A moment PostgreSQL can store and compare: from the year 1 to the year 9999. Java reads instants a billion years
 * away, which the database refuses with an error that would otherwise surface as a 500.
 */
@Documented
@Constraint(validatedBy = StorableInstantValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableInstant {

    String message() default "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
