package io.ticketing.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    public static boolean isPlain(CharSequence text) {
        return text.codePoints().noneMatch(Character::isISOControl);
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        return text == null || isPlain(text);
    }
}
