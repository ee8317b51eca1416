package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestPayment(
        @TargetAggregateIdentifier PaymentId paymentId, BookingId bookingId, Money amount, String paymentToken) {}
