package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;

public record BookingRejected(BookingId bookingId, String reason) implements BookingEvent {}
