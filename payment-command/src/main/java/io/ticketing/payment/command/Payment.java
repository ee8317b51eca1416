package io.ticketing.payment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.payment.CancelPayment;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.payment.DeclinePayment;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.coreapi.payment.RefundPayment;
import io.ticketing.coreapi.payment.RequestPayment;
import io.ticketing.coreapi.payment.TimeOutPayment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payment for a booking, taken through the payment gateway. It is completed at most once and refunded at most
 * what it took. Money that arrives after the payment was given up (a late gateway answer) is refunded at once:
 * no money is ever kept for a booking that did not happen.
 */
@Aggregate(cache = "paymentCache")
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;

    private BookingId bookingId;
    private Money amount;
    private PaymentStatus status;
    private String gatewayTransactionId;

    protected Payment() {
        // Axon rebuilds payments from their events.
    }

    /** A retried request for the same booking changes nothing; the same id for another booking is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestPayment command) {
        if (status != null) {
            if (!command.bookingId().equals(bookingId)) {
                throw new IllegalStateException("Payment " + command.paymentId() + " is for another booking");
            }
            return;
        }
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            throw new IllegalArgumentException("A payment takes an amount above zero");
        }
        if (command.paymentToken() == null || command.paymentToken().isBlank()) {
            throw new IllegalArgumentException("A payment needs a payment token");
        }
        apply(new PaymentRequested(command.paymentId(), command.bookingId(), command.amount(), command.paymentToken()));
    }

    @CommandHandler
    void handle(CompletePayment command) {
        switch (status) {
            case REQUESTED -> apply(completed(command));
            case CANCELLED -> {
                apply(completed(command));
                apply(new PaymentRefunded(
                        paymentId, bookingId, amount, "The gateway took the money after the payment was cancelled"));
            }
            case COMPLETED, REFUNDED -> requireSameTransaction(command);
            case DECLINED ->
                throw new IllegalStateException("Payment " + paymentId + " was declined; it cannot " + "be completed");
        }
    }

    @CommandHandler
    void handle(DeclinePayment command) {
        switch (status) {
            case REQUESTED -> apply(new PaymentDeclined(paymentId, bookingId, command.reason()));
            case DECLINED, CANCELLED -> {
                // Nothing was taken: a decline repeated, or one that arrives after the payment was given up.
            }
            case COMPLETED, REFUNDED ->
                throw new IllegalStateException("Payment " + paymentId + " was completed; " + "it cannot be declined");
        }
    }

    /** Gives up on a payment the gateway has not answered; one it answered already is refunded instead. */
    @CommandHandler
    void handle(CancelPayment command) {
        switch (status) {
            case REQUESTED -> apply(new PaymentCancelled(paymentId, bookingId, command.reason()));
            case COMPLETED -> apply(new PaymentRefunded(paymentId, bookingId, amount, command.reason()));
            case CANCELLED, DECLINED, REFUNDED -> {
                // Nothing (more) to give up.
            }
        }
    }

    /**
     * Gives up on a payment the gateway has not answered; an answered one stays answered. The decision is made
     * here, on the payment's own state, so that a timeout can never overtake an approval that came first.
     */
    @CommandHandler
    void handle(TimeOutPayment command) {
        if (status == PaymentStatus.REQUESTED) {
            apply(new PaymentCancelled(paymentId, bookingId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RefundPayment command) {
        if (status == PaymentStatus.REFUNDED) {
            return;
        }
        if (status != PaymentStatus.COMPLETED) {
            throw new IllegalStateException(
                    "Payment " + paymentId + " is " + status + "; only a completed payment " + "can be refunded");
        }
        if (command.amount().isGreaterThan(amount)) {
            throw new IllegalArgumentException("Cannot refund " + command.amount() + " of a payment of " + amount);
        }
        apply(new PaymentRefunded(paymentId, bookingId, command.amount(), command.reason()));
    }

    private PaymentCompleted completed(CompletePayment command) {
        return new PaymentCompleted(paymentId, bookingId, amount, command.gatewayTransactionId());
    }

    private void requireSameTransaction(CompletePayment command) {
        if (!command.gatewayTransactionId().equals(gatewayTransactionId)) {
            throw new IllegalStateException(
                    "Payment " + paymentId + " was already completed by gateway transaction " + gatewayTransactionId);
        }
    }

    @EventSourcingHandler
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
        bookingId = event.bookingId();
        amount = event.amount();
        status = PaymentStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentCompleted event) {
        status = PaymentStatus.COMPLETED;
        gatewayTransactionId = event.gatewayTransactionId();
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentCancelled event) {
        status = PaymentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        status = PaymentStatus.REFUNDED;
    }
}
