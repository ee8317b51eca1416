package io.ticketing.coreapi.booking;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmBooking(@TargetAggregateIdentifier BookingId bookingId, PaymentId paymentId, Money amountPaid) {}
