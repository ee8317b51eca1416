package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;

public record PaymentCompleted(PaymentId paymentId, BookingId bookingId, Money amount, String gatewayTransactionId) {}
