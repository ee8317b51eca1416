package io.ticketing.coreapi.booking;

import java.util.Arrays;

/**
 * Where a booking stands, and the event that brings it there. PENDING is the only state a booking can leave for
 * more than one other.
 */
public enum BookingStatus {
    PENDING(BookingPlaced.class),
    CONFIRMED(BookingConfirmed.class),
    REJECTED(BookingRejected.class),
    CANCELLED(BookingCancelled.class),
    REFUNDED(BookingRefunded.class);

    private final Class<? extends BookingEvent> reachedBy;

    BookingStatus(Class<? extends BookingEvent> reachedBy) {
        this.reachedBy = reachedBy;
    }

    /**
     * Where a booking stands once {@code event} has happened to it: the one rule that the aggregate sources its
     * status from and that every replay of a booking's events reads.
     */
    public static BookingStatus after(BookingEvent event) {
        return Arrays.stream(values())
                .filter(status -> status.reachedBy.isInstance(event))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No status follows " + event.getClass()));
    }
}
