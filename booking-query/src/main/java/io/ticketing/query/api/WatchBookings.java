package io.ticketing.query.api;

import java.util.UUID;

/**
 * Follows bookings as they change: first those that changed after {@code afterPosition} in the event stream (so that
 * a client that reconnects misses nothing), then every change as it happens. {@code userId} limits it to one user's
 * bookings; {@code null} follows all.
 */
public record WatchBookings(UUID userId, long afterPosition) {

    public boolean covers(BookingSummary booking) {
        return userId == null || userId.equals(booking.userId());
    }
}
