package io.ticketing.coreapi.pipeline;

/**
 * @param refused   bookings one booking-command instance refused with 503 since it started
 * @param maxLagMillis the saga lag above which it refuses
 */
public record RefusedBookings(long refused, long maxLagMillis) {}
