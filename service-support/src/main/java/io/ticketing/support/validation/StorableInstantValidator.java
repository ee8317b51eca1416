package io.ticketing.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;

public class StorableInstantValidator implements ConstraintValidator<StorableInstant, Instant> {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public boolean isValid(Instant instant, ConstraintValidatorContext context) {
        return instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
    }
}
