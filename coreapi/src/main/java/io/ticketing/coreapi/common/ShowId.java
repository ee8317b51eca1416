package io.ticketing.coreapi.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a show; its string form is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record ShowId(UUID value) {

    public ShowId {
        Objects.requireNonNull(value, "show id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
