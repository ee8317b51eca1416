package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelBooking(@TargetAggregateIdentifier BookingId bookingId, UserId cancelledBy, String reason) {
}
