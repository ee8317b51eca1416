package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;

/** Something that happened to a booking: each one leaves it in the status {@link BookingStatus#after} names. */
public sealed interface BookingEvent
        permits BookingPlaced, BookingConfirmed, BookingRejected, BookingCancelled, BookingRefunded {

    BookingId bookingId();
}
