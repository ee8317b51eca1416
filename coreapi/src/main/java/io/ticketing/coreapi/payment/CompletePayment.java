package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway took the money; sent back to the payment once the gateway has answered. */
public record CompletePayment(@TargetAggregateIdentifier PaymentId paymentId, String gatewayTransactionId) {}
