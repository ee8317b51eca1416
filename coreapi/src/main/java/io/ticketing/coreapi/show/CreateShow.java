package io.ticketing.coreapi.show;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a show on sale. "Show" rather than "event", so that it is never confused with a domain event. */
public record CreateShow(
        @TargetAggregateIdentifier ShowId showId,
        String name,
        String venue,
        Instant startsAt,
        int capacity,
        Money ticketPrice) {

    /** The most seats a show has; the HTTP edge refuses more by the same number. */
    public static final int MOST_SEATS = 100_000;
}
