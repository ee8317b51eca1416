package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkBookingRefunded(@TargetAggregateIdentifier BookingId bookingId, Money amountRefunded) {}
