package io.ticketing.booking.command;

import io.ticketing.coreapi.common.BookingId;

/** Someone other than the booking's owner, and not an admin, tried to change it. */
public class NotYourBookingException extends SecurityException {

    public NotYourBookingException(BookingId bookingId) {
        super("Booking " + bookingId + " belongs to another user");
    }
}
