package io.ticketing.coreapi.common;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user; its string form is the bare UUID, which is what Axon stores as the aggregate identifier. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
