package io.ticketing.payment.command;

import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.CancelPayment;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.RefundPayment;
import io.ticketing.coreapi.payment.RequestPayment;
import io.ticketing.coreapi.payment.TimeOutPayment;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final Money fifty = Money.of("50.00", "EUR");
    private final PaymentRequested requested = new PaymentRequested(paymentId, bookingId, fifty, "tok_visa");
    private final PaymentCompleted completed = new PaymentCompleted(paymentId, bookingId, fifty, "tx-1");
    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Test
    void requestsAPayment() {
        fixture.givenNoPriorActivity()
                .when(new RequestPayment(paymentId, bookingId, fifty, "tok_visa"))
                .expectEvents(requested);
    }

    @Test
    void aRetriedRequestChangesNothing() {
        fixture.given(requested)
                .when(new RequestPayment(paymentId, bookingId, fifty, "tok_visa"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anIdThatAnotherKindOfAggregateHasCannotBeLoaded() {
        // CommandRejectionInterceptor answers this as a conflict.
        fixture.given(new BookingPlaced(
                        new BookingId(paymentId.value()),
                        new UserId(UUID.randomUUID()),
                        new ShowId(UUID.randomUUID()),
                        1,
                        "tok_visa"))
                .when(new RequestPayment(paymentId, bookingId, fifty, "tok_visa"))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    @Test
    void theSameIdForAnotherBookingIsRefused() {
        fixture.given(requested)
                .when(new RequestPayment(paymentId, new BookingId(UUID.randomUUID()), fifty, "tok_visa"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aPaymentTakesSomething() {
        fixture.givenNoPriorActivity()
                .when(new RequestPayment(paymentId, bookingId, Money.of("0", "EUR"), "tok_visa"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void completesWithTheGatewaysTransaction() {
        fixture.given(requested).when(new CompletePayment(paymentId, "tx-1")).expectEvents(completed);
    }

    @Test
    void isNeverCompletedTwice() {
        fixture.given(requested, completed)
                .when(new CompletePayment(paymentId, "tx-1"))
                .expectNoEvents();
        fixture.given(requested, completed)
                .when(new CompletePayment(paymentId, "tx-2"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void moneyTakenAfterCancellationIsRefundedAtOnce() {
        fixture.given(requested, new PaymentCancelled(paymentId, bookingId, "Timed out"))
                .when(new CompletePayment(paymentId, "tx-late"))
                .expectEvents(
                        new PaymentCompleted(paymentId, bookingId, fifty, "tx-late"),
                        new PaymentRefunded(
                                paymentId,
                                bookingId,
                                fifty,
                                "The gateway took the money after the payment was cancelled"));
    }

    @Test
    void isDeclinedWithTheGatewaysReason() {
        fixture.given(requested)
                .when(new DeclinePayment(paymentId, "Insufficient funds"))
                .expectEvents(new PaymentDeclined(paymentId, bookingId, "Insufficient funds"));
    }

    @Test
    void aCompletedPaymentCannotBeDeclined() {
        fixture.given(requested, completed)
                .when(new DeclinePayment(paymentId, "Too late"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aDeclinedPaymentCannotBeCompleted() {
        fixture.given(requested, new PaymentDeclined(paymentId, bookingId, "Insufficient funds"))
                .when(new CompletePayment(paymentId, "tx-1"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void cancelsAPaymentTheGatewayHasNotAnswered() {
        fixture.given(requested)
                .when(new CancelPayment(paymentId, "Timed out"))
                .expectEvents(new PaymentCancelled(paymentId, bookingId, "Timed out"));
    }

    @Test
    void cancellingACompletedPaymentRefundsIt() {
        fixture.given(requested, completed)
                .when(new CancelPayment(paymentId, "Timed out"))
                .expectEvents(new PaymentRefunded(paymentId, bookingId, fifty, "Timed out"));
    }

    @Test
    void cancellingTwiceOrADeclinedPaymentChangesNothing() {
        fixture.given(requested, new PaymentCancelled(paymentId, bookingId, "Timed out"))
                .when(new CancelPayment(paymentId, "Timed out"))
                .expectNoEvents();
        fixture.given(requested, new PaymentDeclined(paymentId, bookingId, "Insufficient funds"))
                .when(new CancelPayment(paymentId, "Timed out"))
                .expectNoEvents();
    }

    @Test
    void timesOutAPaymentTheGatewayHasNotAnswered() {
        fixture.given(requested)
                .when(new TimeOutPayment(paymentId, "Payment timed out"))
                .expectEvents(new PaymentCancelled(paymentId, bookingId, "Payment timed out"));
    }

    @Test
    void aTimeoutNeverOvertakesAnApproval() {
        fixture.given(requested, completed)
                .when(new TimeOutPayment(paymentId, "Payment timed out"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTimeoutChangesNothingOnceTheGatewayDeclinedOrTheTimeoutCameBefore() {
        fixture.given(requested, new PaymentDeclined(paymentId, bookingId, "Insufficient funds"))
                .when(new TimeOutPayment(paymentId, "Payment timed out"))
                .expectNoEvents();
        fixture.given(requested, new PaymentCancelled(paymentId, bookingId, "Payment timed out"))
                .when(new TimeOutPayment(paymentId, "Payment timed out"))
                .expectNoEvents();
    }

    @Test
    void refundsACompletedPayment() {
        fixture.given(requested, completed)
                .when(new RefundPayment(paymentId, fifty, "Booking cancelled"))
                .expectEvents(new PaymentRefunded(paymentId, bookingId, fifty, "Booking cancelled"));
    }

    @Test
    void neverRefundsMoreThanItTook() {
        fixture.given(requested, completed)
                .when(new RefundPayment(paymentId, Money.of("50.01", "EUR"), "Booking cancelled"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void refundsOnce() {
        fixture.given(requested, completed, new PaymentRefunded(paymentId, bookingId, fifty, "Booking cancelled"))
                .when(new RefundPayment(paymentId, fifty, "Booking cancelled"))
                .expectNoEvents();
    }

    @Test
    void cannotRefundWhatWasNeverTaken() {
        fixture.given(requested)
                .when(new RefundPayment(paymentId, fifty, "Booking cancelled"))
                .expectException(IllegalStateException.class);
    }
}
