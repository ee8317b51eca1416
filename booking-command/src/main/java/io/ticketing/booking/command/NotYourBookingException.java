package io.ticketing.booking.command;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.NotPermittedException;

/** Someone other than the booking's owner, and not an admin, tried to change it. */
public class NotYourBookingException extends NotPermittedException {

    public NotYourBookingException(BookingId bookingId) {
        super("Booking " + bookingId + " belongs to another user");
    }
}
