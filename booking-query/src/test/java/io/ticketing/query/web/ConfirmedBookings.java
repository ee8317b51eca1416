package io.ticketing.query.web;

import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.query.api.BookingSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A confirmed booking of two seats for Hamlet, as the dashboards would answer it. */
final class ConfirmedBookings {

    private ConfirmedBookings() {}

    static BookingSummary confirmed(UUID bookingId, UserId owner, long position) {
        return new BookingSummary(
                bookingId,
                owner.value(),
                "ada@example.com",
                UUID.randomUUID(),
                "Hamlet",
                2,
                new BigDecimal("50.00"),
                "EUR",
                BookingStatus.CONFIRMED,
                null,
                Instant.parse("2026-11-21T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:01Z"),
                position);
    }
}
