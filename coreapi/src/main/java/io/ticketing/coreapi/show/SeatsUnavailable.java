package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;

/** A reservation the show refused, with the reason a booking is rejected for. */
public record SeatsUnavailable(ShowId showId, BookingId bookingId, int seatsRequested, int seatsLeft, String reason) {}
