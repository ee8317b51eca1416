package io.ticketing.query.api;

import java.util.List;

public record BookingPage(List<BookingSummary> items, int page, int size, long totalItems) {}
