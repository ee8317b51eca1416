package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;

public record BookingRefunded(BookingId bookingId, Money amountRefunded) implements BookingEvent {}
