package io.ticketing.query.audit;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingEvent;
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
public record BookingStateAsOf(
        UUID bookingId,
        UUID userId,
        UUID showId,
        int tickets,
        BookingStatus status,
        String reason,
        Money amountPaid,
        long version,
        Instant lastChangedAt,
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
        if (!(event.getPayload() instanceof BookingEvent happened)) {
            return state;
        }
        BookingStatus status = BookingStatus.after(happened);
        long version = event.getSequenceNumber();
        Instant at = event.getTimestamp();
        if (happened instanceof BookingPlaced placed) {
            return new BookingStateAsOf(
                    placed.bookingId().value(),
                    placed.userId().value(),
                    placed.showId().value(),
                    placed.tickets(),
                    status,
                    null,
                    null,
                    version,
                    at,
                    asOf);
        }
        Money paid = happened instanceof BookingConfirmed confirmed ? confirmed.amountPaid() : state.amountPaid;
        return state.moved(status, reasonAfter(happened, state.reason), paid, version, at);
    }

    /** A rejection and a cancellation say why; a refund keeps the cancellation's reason; a confirmation has none. */
    private static String reasonAfter(BookingEvent happened, String reasonBefore) {
        if (happened instanceof BookingRejected rejected) {
            return rejected.reason();
        }
        if (happened instanceof BookingCancelled cancelled) {
            return cancelled.reason();
        }
        return happened instanceof BookingRefunded ? reasonBefore : null;
    }

    private BookingStateAsOf moved(BookingStatus newStatus, String why, Money paid, long newVersion, Instant at) {
        return new BookingStateAsOf(bookingId, userId, showId, tickets, newStatus, why, paid, newVersion, at, asOf);
    }
}
