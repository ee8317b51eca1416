package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;

public record BookingConfirmed(BookingId bookingId, PaymentId paymentId, Money amountPaid) implements BookingEvent {}
