package io.ticketing.coreapi.booking;

/** Where a booking stands. PENDING is the only state a booking can leave for more than one other. */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    REFUNDED
}
