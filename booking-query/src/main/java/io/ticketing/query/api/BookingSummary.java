package io.ticketing.query.api;

import io.ticketing.coreapi.booking.BookingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as dashboards show it.
 *
 * @param position where in the event stream the booking last changed; live streams resume after it
 */
public record BookingSummary(
        UUID bookingId,
        UUID userId,
        String userEmail,
        UUID showId,
        String showName,
        int tickets,
        BigDecimal amount,
        String currency,
        BookingStatus status,
        String reason,
        Instant placedAt,
        Instant updatedAt,
        long position) {}
