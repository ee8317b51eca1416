package io.ticketing.query.api;

import java.util.UUID;

/** Finds a show's seats sold and left, and its revenue net of refunds. */
public record FindShowStats(UUID showId) {}
