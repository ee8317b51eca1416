package io.ticketing.query.audit;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

/**
 * A booking as it stood at an instant, rebuilt from its events up to then.
 *
 * @param version the sequence number of the last event applied
 */
public record BookingStateAsOf(UUID bookingId, UUID userId, UUID showId, int tickets, BookingStatus status,
                               String reason, Money amountPaid, long version, Instant lastChangedAt,
                               Instant asOf) {

    /** Replays {@code events} up to {@code asOf}; empty when the booking did not exist yet. */
    public static Optional<BookingStateAsOf> replay(DomainEventStream events, Instant asOf) {
        BookingStateAsOf state = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            state = apply(state, event, asOf);
        }
        return Optional.ofNullable(state);
    }

    private static BookingStateAsOf apply(BookingStateAsOf state, DomainEventMessage<?> event, Instant asOf) {
        Object payload = event.getPayload();
        long version = event.getSequenceNumber();
        Instant at = event.getTimestamp();
        if (payload instanceof BookingPlaced placed) {
            return new BookingStateAsOf(placed.bookingId().value(), placed.userId().value(), placed.showId().value(),
                    placed.tickets(), BookingStatus.PENDING, null, null, version, at, asOf);
        }
        if (payload instanceof BookingConfirmed confirmed) {
            return state.moved(BookingStatus.CONFIRMED, null, confirmed.amountPaid(), version, at);
        }
        if (payload instanceof BookingRejected rejected) {
            return state.moved(BookingStatus.REJECTED, rejected.reason(), state.amountPaid, version, at);
        }
        if (payload instanceof BookingCancelled cancelled) {
            return state.moved(BookingStatus.CANCELLED, cancelled.reason(), state.amountPaid, version, at);
        }
        if (payload instanceof BookingRefunded) {
            return state.moved(BookingStatus.REFUNDED, state.reason, state.amountPaid, version, at);
        }
        return state;
    }

    private BookingStateAsOf moved(BookingStatus newStatus, String why, Money paid, long newVersion, Instant at) {
        return new BookingStateAsOf(bookingId, userId, showId, tickets, newStatus, why, paid, newVersion, at, asOf);
    }
}
