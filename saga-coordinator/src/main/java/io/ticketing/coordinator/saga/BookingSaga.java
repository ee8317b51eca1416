package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.ConfirmBooking;
import io.ticketing.coreapi.booking.RejectBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.payment.CancelPayment;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.RequestPayment;
import io.ticketing.coreapi.payment.TimeOutPayment;
import io.ticketing.coreapi.show.ReleaseSeats;
import io.ticketing.coreapi.show.ReserveSeats;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.SeatsUnavailable;
import io.ticketing.support.messaging.CommandRejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Turns a placed booking into a confirmed one: seats, then payment, then confirmation. When seats are unavailable,
 * the payment is declined or does not come in time, it rejects the booking and undoes every step it took. It ends
 * when the booking is confirmed, or once the compensation is complete.
 * <p>
 * It reacts to what the payment became, never to its own clock: the payment service times out a gateway that stays
 * silent, and the saga's deadline, a safety net for a call the payment service lost, only asks the payment to time
 * out. A payment approved before either is confirmed, however far behind this saga's events are.
 * <p>
 * Each handler acts only in the step it belongs to, so a redelivered or late event sends nothing twice; a payment
 * that completes after the saga gave up on it is refunded by the payment itself.
 */
@Saga
@ProcessingGroup(BookingSaga.PROCESSING_GROUP)
public class BookingSaga extends JournaledSaga {

    public static final String PROCESSING_GROUP = "booking-saga";
    static final String PAYMENT_DEADLINE = "payment-timeout";

    @Autowired
    private transient SagaSettings settings;

    private ShowId showId;
    private int tickets;
    private String paymentToken;
    private PaymentId paymentId;
    private Money price;
    private String paymentDeadlineId;
    private boolean seatsHeld;
    private String compensationReason;

    /** The payment of a booking has an id derived from the booking: asking twice is asking for the same payment. */
    static PaymentId paymentIdFor(BookingId bookingId) {
        return new PaymentId(UUID.nameUUIDFromBytes(("payment-of-" + bookingId).getBytes(StandardCharsets.UTF_8)));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(BookingPlaced event) {
        showId = event.showId();
        tickets = event.tickets();
        paymentToken = event.paymentToken();
        start(event.bookingId(), SagaStep.RESERVING_SEATS);
        reserveSeats();
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(SeatsReserved event) {
        if (step != SagaStep.RESERVING_SEATS) {
            return;
        }
        price = event.totalPrice();
        seatsHeld = true;
        paymentId = paymentIdFor(bookingId);
        // The event clock, which Axon's test fixtures control.
        Instant due = GenericEventMessage.clock.instant().plus(settings.paymentSafetyNet());
        paymentDeadlineId = deadlineManager.schedule(settings.paymentSafetyNet(), PAYMENT_DEADLINE);
        moveTo(SagaStep.AWAITING_PAYMENT, due);
        requestPayment();
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(SeatsUnavailable event) {
        if (step == SagaStep.RESERVING_SEATS) {
            compensate(event.reason());
        }
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(PaymentCompleted event) {
        if (step != SagaStep.AWAITING_PAYMENT) {
            return;
        }
        cancelPaymentDeadline();
        moveTo(SagaStep.CONFIRMING, null);
        dispatch(new ConfirmBooking(bookingId, paymentId, price));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(PaymentDeclined event) {
        if (step == SagaStep.AWAITING_PAYMENT) {
            compensate(event.reason());
        }
    }

    /** Given up by the payment service (its gateway call timed out) or at the saga's own request. */
    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(PaymentCancelled event) {
        if (step == SagaStep.AWAITING_PAYMENT) {
            compensate(event.reason());
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void paymentOverdue() {
        // It has fired: there is nothing left to cancel, and the scheduler refuses to cancel a running deadline.
        paymentDeadlineId = null;
        if (step == SagaStep.AWAITING_PAYMENT) {
            timeOutPayment();
        }
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    void on(BookingConfirmed event) {
        end(SagaStep.CONFIRMED);
    }

    @Override
    protected void retryCurrentStep() {
        switch (step) {
            case RESERVING_SEATS -> reserveSeats();
            case AWAITING_PAYMENT -> {
                if (paymentDeadlineId == null) {
                    timeOutPayment();
                } else {
                    requestPayment();
                }
            }
            case CONFIRMING -> dispatch(new ConfirmBooking(bookingId, paymentId, price));
            case COMPENSATING -> carryOutCompensation();
            default -> {
                // An ended saga takes no more steps.
            }
        }
    }

    /**
     * Undoes what the saga did, rejection first: a booking that was confirmed meanwhile (its payment completed as
     * the deadline fired) refuses it, and then nothing is undone; the saga ends when it hears of the confirmation.
     * Otherwise it gives up the payment (refunded by the payment itself if it was taken), releases the seats it
     * holds, and ends.
     */
    @Override
    protected void compensate(String reason) {
        cancelPaymentDeadline();
        compensationReason = reason;
        moveTo(SagaStep.COMPENSATING, null);
        carryOutCompensation();
    }

    private void carryOutCompensation() {
        if (send(new RejectBooking(bookingId, compensationReason)).isPresent()) {
            return;
        }
        if (send(undoings()).isEmpty()) {
            end(SagaStep.REJECTED);
        }
    }

    @Override
    protected void end(SagaStep outcome) {
        cancelPaymentDeadline();
        super.end(outcome);
    }

    /**
     * Dispatched like the steps after it: the show's aggregate takes its reservations one at a time, and those queued
     * for it wait on the command bus, not on this saga's thread. A show that does not exist is the one refusal the
     * saga answers itself.
     */
    private void reserveSeats() {
        dispatch(new ReserveSeats(showId, bookingId, tickets));
    }

    @Override
    protected void commandFailed(CommandFailure failure) {
        if (step == SagaStep.RESERVING_SEATS && failure.rejection() == CommandRejection.Kind.NOT_FOUND) {
            compensate("The show does not exist");
        }
    }

    private void requestPayment() {
        dispatch(new RequestPayment(paymentId, bookingId, price, paymentToken));
    }

    /** The payment decides: only an unanswered one times out, and the saga hears of it as an event. */
    private void timeOutPayment() {
        dispatch(new TimeOutPayment(paymentId, TimeOutPayment.REASON));
    }

    private Object[] undoings() {
        List<Object> commands = new ArrayList<>();
        if (paymentId != null) {
            commands.add(new CancelPayment(paymentId, compensationReason));
        }
        if (seatsHeld) {
            commands.add(new ReleaseSeats(showId, bookingId, compensationReason));
        }
        return commands.toArray();
    }

    private void cancelPaymentDeadline() {
        if (paymentDeadlineId != null) {
            deadlineManager.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
    }
}
