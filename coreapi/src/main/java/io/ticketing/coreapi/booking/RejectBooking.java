package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectBooking(@TargetAggregateIdentifier BookingId bookingId, String reason) {}
