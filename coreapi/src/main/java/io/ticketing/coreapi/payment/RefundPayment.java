package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RefundPayment(@TargetAggregateIdentifier PaymentId paymentId, Money amount, String reason) {}
