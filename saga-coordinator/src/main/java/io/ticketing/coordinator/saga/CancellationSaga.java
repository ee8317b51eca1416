package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.MarkBookingRefunded;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.RefundPayment;
import io.ticketing.coreapi.show.ReleaseSeats;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Undoes a confirmed booking that its owner or an admin cancelled: refunds the payment, gives the seats back to the
 * show, and ends when the booking is marked refunded.
 */
@Saga
@ProcessingGroup(CancellationSaga.PROCESSING_GROUP)
public class CancellationSaga extends JournaledSaga {

    public static final String PROCESSING_GROUP = "cancellation-saga";

    private ShowId showId;
    private PaymentId paymentId;
    private Money amount;
    private String reason;

    @StartSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(BookingCancelled event) {
        showId = event.showId();
        paymentId = event.paymentToRefund();
        amount = event.amountToRefund();
        reason = "Booking cancelled: " + event.reason();
        start(event.bookingId(), SagaStep.REFUNDING);
        refund();
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(PaymentRefunded event) {
        if (step == SagaStep.REFUNDING) {
            amount = event.amount();
            moveTo(SagaStep.MARKING_REFUNDED, null);
            send(new MarkBookingRefunded(bookingId, amount));
        }
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(BookingRefunded event) {
        end(SagaStep.REFUNDED);
    }

    @Override
    protected void retryCurrentStep() {
        if (step == SagaStep.REFUNDING) {
            refund();
        } else if (step == SagaStep.MARKING_REFUNDED) {
            send(new MarkBookingRefunded(bookingId, amount));
        }
    }

    private void refund() {
        send(new ReleaseSeats(showId, bookingId, reason), new RefundPayment(paymentId, amount, reason));
    }
}
