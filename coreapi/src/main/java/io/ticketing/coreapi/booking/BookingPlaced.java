package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.MaskedInAudits;

public record BookingPlaced(
        BookingId bookingId,
        UserId userId,
        ShowId showId,
        int tickets,
        @MaskedInAudits String paymentToken) implements BookingEvent {}
