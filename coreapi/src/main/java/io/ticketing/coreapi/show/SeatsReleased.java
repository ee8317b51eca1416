package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;

public record SeatsReleased(ShowId showId, BookingId bookingId, int seats, int seatsLeft, String reason) {}
