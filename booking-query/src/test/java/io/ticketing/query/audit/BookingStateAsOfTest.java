package io.ticketing.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class BookingStateAsOfTest {

    private static final Instant PLACED_AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant CONFIRMED_AT = Instant.parse("2026-01-01T10:00:05Z");

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");

    @Test
    void beforeTheConfirmationTheBookingWasPending() {
        BookingStateAsOf state = BookingStateAsOf.replay(history(), Instant.parse("2026-01-01T10:00:03Z")).orElseThrow();

        assertThat(state.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(state.version()).isZero();
        assertThat(state.amountPaid()).isNull();
    }

    @Test
    void afterItTheBookingWasConfirmedAndPaid() {
        BookingStateAsOf state = BookingStateAsOf.replay(history(), CONFIRMED_AT).orElseThrow();

        assertThat(state.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.amountPaid()).isEqualTo(paid);
        assertThat(state.lastChangedAt()).isEqualTo(CONFIRMED_AT);
    }

    @Test
    void beforeItWasPlacedThereWasNoBooking() {
        assertThat(BookingStateAsOf.replay(history(), PLACED_AT.minusMillis(1))).isEmpty();
    }

    private DomainEventStream history() {
        return DomainEventStream.of(
                event(0, new BookingPlaced(bookingId, new UserId(UUID.randomUUID()), new ShowId(UUID.randomUUID()), 2,
                        "tok_visa"), PLACED_AT),
                event(1, new BookingConfirmed(bookingId, new PaymentId(UUID.randomUUID()), paid), CONFIRMED_AT));
    }

    private GenericDomainEventMessage<Object> event(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Booking", bookingId.toString(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
