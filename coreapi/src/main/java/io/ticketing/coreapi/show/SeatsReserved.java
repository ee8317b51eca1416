package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;

/** Seats held for a booking, with the price the show asks for them: the only price a booking ever pays. */
public record SeatsReserved(ShowId showId, BookingId bookingId, int seats, Money totalPrice, int seatsLeft) {}
