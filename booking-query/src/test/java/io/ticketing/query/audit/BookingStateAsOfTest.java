package io.ticketing.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class BookingStateAsOfTest {

    private static final Instant PLACED_AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-01-01T10:00:05Z");
    private static final Instant CANCELLED_AT = Instant.parse("2026-01-02T09:00:00Z");
    private static final Instant REFUNDED_AT = Instant.parse("2026-01-02T09:00:03Z");

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @Test
    void beforeItWasPlacedThereWasNoBooking() {
        placedThenConfirmed();

        assertThat(BookingStateAsOf.replay(stream(), PLACED_AT.minusMillis(1))).isEmpty();
    }

    @Test
    void untilItsPaymentWasDecidedTheBookingWasPendingWithItsOwnerShowAndTickets() {
        placedThenConfirmed();

        BookingStateAsOf state = stateAsOf(DECIDED_AT.minusMillis(1));

        assertThat(state.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(state)
                .extracting(
                        BookingStateAsOf::bookingId,
                        BookingStateAsOf::userId,
                        BookingStateAsOf::showId,
                        BookingStateAsOf::tickets)
                .containsExactly(bookingId.value(), owner.value(), showId.value(), 2);
        assertThat(state.version()).isZero();
        assertThat(state.lastChangedAt()).isEqualTo(PLACED_AT);
        assertThat(state.amountPaid()).isNull();
    }

    @Test
    void fromTheInstantOfItsConfirmationTheBookingWasConfirmedAndPaid() {
        placedThenConfirmed();

        BookingStateAsOf state = stateAsOf(DECIDED_AT);

        assertThat(state.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.amountPaid()).isEqualTo(paid);
        assertThat(state.reason()).isNull();
        assertThat(state.lastChangedAt()).isEqualTo(DECIDED_AT);
        assertThat(state.asOf()).isEqualTo(DECIDED_AT);
    }

    @Test
    void aRejectedBookingSaysWhyAndWasNeverPaid() {
        happened(PLACED_AT, placed());
        happened(DECIDED_AT, new BookingRejected(bookingId, "Sold out"));

        BookingStateAsOf state = stateAsOf(REFUNDED_AT);

        assertThat(state.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(state.reason()).isEqualTo("Sold out");
        assertThat(state.amountPaid()).isNull();
        assertThat(state.version()).isEqualTo(1);
    }

    @Test
    void aCancelledBookingSaysWhyAndStillShowsWhatWasPaidUntilTheRefund() {
        placedThenConfirmed();
        cancelledThenRefunded();

        BookingStateAsOf state = stateAsOf(REFUNDED_AT.minusMillis(1));

        assertThat(state.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(state.reason()).isEqualTo("Cannot come");
        assertThat(state.amountPaid()).isEqualTo(paid);
        assertThat(state.version()).isEqualTo(2);
        assertThat(state.lastChangedAt()).isEqualTo(CANCELLED_AT);
    }

    @Test
    void aRefundedBookingKeepsTheReasonItWasCancelledFor() {
        placedThenConfirmed();
        cancelledThenRefunded();

        BookingStateAsOf state = stateAsOf(REFUNDED_AT.plusSeconds(60));

        assertThat(state.status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(state.reason()).isEqualTo("Cannot come");
        assertThat(state.amountPaid()).isEqualTo(paid);
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.lastChangedAt()).isEqualTo(REFUNDED_AT);
    }

    private void placedThenConfirmed() {
        happened(PLACED_AT, placed());
        happened(DECIDED_AT, new BookingConfirmed(bookingId, paymentId, paid));
    }

    private void cancelledThenRefunded() {
        happened(CANCELLED_AT, new BookingCancelled(bookingId, showId, owner, "Cannot come", paymentId, paid));
        happened(REFUNDED_AT, new BookingRefunded(bookingId, paid));
    }

    private BookingPlaced placed() {
        return new BookingPlaced(bookingId, owner, showId, 2, "tok_visa");
    }

    private void happened(Instant at, Object payload) {
        history.add(new GenericDomainEventMessage<>(
                "Booking",
                bookingId.toString(),
                history.size(),
                payload,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at));
    }

    private BookingStateAsOf stateAsOf(Instant asOf) {
        return BookingStateAsOf.replay(stream(), asOf).orElseThrow();
    }

    private DomainEventStream stream() {
        return DomainEventStream.of(history);
    }
}
