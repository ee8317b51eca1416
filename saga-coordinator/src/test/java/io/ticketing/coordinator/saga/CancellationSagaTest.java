package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.MarkBookingRefunded;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.RefundPayment;
import io.ticketing.coreapi.show.ReleaseSeats;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CancellationSagaTest {

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");
    private final BookingCancelled cancelled =
            new BookingCancelled(bookingId, showId, new UserId(UUID.randomUUID()), "Cannot come", paymentId, paid);
    private SagaTestFixture<CancellationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CancellationSaga.class);
        fixture.registerResource(new RecordingJournal());
    }

    @Test
    void aCancelledBookingGivesItsSeatsBackAndIsRefunded() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(cancelled)
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ReleaseSeats(showId, bookingId, "Booking cancelled: Cannot come"),
                        new RefundPayment(paymentId, paid, "Booking cancelled: Cannot come"));
    }

    @Test
    void theRefundMarksTheBookingRefunded() {
        fixture.givenAPublished(cancelled)
                .whenPublishingA(new PaymentRefunded(paymentId, bookingId, paid, "Booking cancelled: Cannot come"))
                .expectNoAssociationWith("paymentId", paymentId)
                .expectDispatchedCommands(new MarkBookingRefunded(bookingId, paid));
    }

    @Test
    void theRefundedBookingEndsTheSaga() {
        fixture.givenAPublished(cancelled)
                .andThenAPublished(new PaymentRefunded(paymentId, bookingId, paid, "Booking cancelled: Cannot come"))
                .whenPublishingA(new BookingRefunded(bookingId, paid))
                .expectActiveSagas(0);
    }

    @Test
    void aRedeliveredRefundMarksNothingTwice() {
        PaymentRefunded refunded = new PaymentRefunded(paymentId, bookingId, paid, "Booking cancelled: Cannot come");
        fixture.givenAPublished(cancelled)
                .andThenAPublished(refunded)
                .whenPublishingA(refunded)
                .expectNoDispatchedCommands();
    }
}
