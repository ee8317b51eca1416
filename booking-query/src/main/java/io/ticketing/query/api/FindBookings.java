package io.ticketing.query.api;

import io.ticketing.coreapi.booking.BookingStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * Finds bookings, newest first, by any of status, user, show and the time they were placed ({@code from} inclusive,
 * {@code to} exclusive); a {@code null} criterion matches everything.
 */
public record FindBookings(
        BookingStatus status, UUID userId, UUID showId, Instant from, Instant to, int page, int size) {}
