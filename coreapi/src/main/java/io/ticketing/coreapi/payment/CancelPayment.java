package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives up on a payment the gateway has not answered in time; a later answer is refunded, never kept. */
public record CancelPayment(@TargetAggregateIdentifier PaymentId paymentId, String reason) {}
