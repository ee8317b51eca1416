package io.ticketing.coreapi.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a payment; its string form is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
