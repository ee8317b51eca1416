package io.ticketing.user.auth;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The platform's password policy, in one place for every way an account is made: 10 to 72 characters (BCrypt
 * ignores what comes after the 72nd byte, so a longer password would be a false promise) and none of the most used
 * passwords, whatever their case. Each broken rule is reported on its own, so a user learns all they must change.
 */
@Documented
@Constraint(validatedBy = UncommonPasswordValidator.class)
@NotBlank
@Size(min = AcceptablePassword.MIN_LENGTH, max = AcceptablePassword.MAX_LENGTH)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    int MIN_LENGTH = 10;
    int MAX_LENGTH = 72;

    String message() default "is one of the most used passwords; choose one nobody would guess";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
