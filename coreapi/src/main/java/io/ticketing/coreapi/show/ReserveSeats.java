package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReserveSeats(@TargetAggregateIdentifier ShowId showId, BookingId bookingId, int seats) {}
