package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclinePayment(@TargetAggregateIdentifier PaymentId paymentId, String reason) {}
