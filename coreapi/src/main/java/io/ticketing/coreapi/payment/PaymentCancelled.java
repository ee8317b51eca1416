package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.PaymentId;

public record PaymentCancelled(PaymentId paymentId, BookingId bookingId, String reason) {}
