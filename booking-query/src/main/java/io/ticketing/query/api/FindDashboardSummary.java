package io.ticketing.query.api;

/** Finds the dashboard's totals: bookings by status, revenue by currency, and the last {@code days} days. */
public record FindDashboardSummary(int days) {}
