package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives up on a payment only if the gateway has not answered it: a payment the gateway approved or declined stays
 * as it is, however late anyone asks. The payment service sends it when its gateway call runs out of time; the saga
 * sends it as a safety net, for a call the payment service lost.
 */
public record TimeOutPayment(@TargetAggregateIdentifier PaymentId paymentId, String reason) {

    /** Why a payment was timed out, whoever asked: what the booking's rejection tells the customer. */
    public static final String REASON = "Payment timed out";
}
