package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives up a booking. Its owner may; so may an admin, which {@code byAdmin} says the sender's token showed. */
public record CancelBooking(
        @TargetAggregateIdentifier BookingId bookingId, UserId cancelledBy, boolean byAdmin, String reason) {}
