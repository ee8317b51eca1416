package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks for tickets. It carries no price: the show decides what the booking costs. */
public record PlaceBooking(
        @TargetAggregateIdentifier BookingId bookingId,
        UserId userId,
        ShowId showId,
        int tickets,
        String paymentToken) {

    /** The most tickets one booking holds; the HTTP edge refuses more by the same number. */
    public static final int MOST_TICKETS = 10;
}
