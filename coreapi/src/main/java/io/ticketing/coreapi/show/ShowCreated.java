package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;
import java.time.Instant;

public record ShowCreated(
        ShowId showId, String name, String venue, Instant startsAt, int capacity, Money ticketPrice) {}
