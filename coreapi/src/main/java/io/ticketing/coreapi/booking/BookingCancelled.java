package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;

/**
 * A paid booking given up by its owner or an admin. It names what the compensation has to undo: the seats held on
 * the show and the payment to refund.
 */
public record BookingCancelled(
        BookingId bookingId,
        ShowId showId,
        UserId cancelledBy,
        String reason,
        PaymentId paymentToRefund,
        Money amountToRefund)
        implements BookingEvent {}
