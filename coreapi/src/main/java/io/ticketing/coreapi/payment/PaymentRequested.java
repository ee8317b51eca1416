package io.ticketing.coreapi.payment;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.privacy.MaskedInAudits;

public record PaymentRequested(
        PaymentId paymentId,
        BookingId bookingId,
        Money amount,
        @MaskedInAudits String paymentToken) {}
