package io.ticketing.coreapi.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a booking; its string form is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record BookingId(UUID value) {

    public BookingId {
        Objects.requireNonNull(value, "booking id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
