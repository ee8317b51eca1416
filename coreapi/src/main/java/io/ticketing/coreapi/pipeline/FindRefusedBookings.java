package io.ticketing.coreapi.pipeline;

/** How many bookings admission control has refused; asked of every booking-command instance (scatter-gather). */
public record FindRefusedBookings() {}
