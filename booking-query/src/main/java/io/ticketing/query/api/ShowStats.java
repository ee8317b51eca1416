package io.ticketing.query.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record ShowStats(
        UUID showId,
        String name,
        String venue,
        Instant startsAt,
        int capacity,
        int seatsSold,
        int seatsLeft,
        BigDecimal revenue,
        String currency) {}
