package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.UserId;

/** A booking given up by its owner or an admin; {@code paymentToRefund} is set when it had been paid for. */
public record BookingCancelled(BookingId bookingId, UserId cancelledBy, String reason, PaymentId paymentToRefund) {
}
