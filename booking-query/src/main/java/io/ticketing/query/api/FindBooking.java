package io.ticketing.query.api;

import java.util.UUID;

/** Finds one booking as dashboards show it. */
public record FindBooking(UUID bookingId) {}
