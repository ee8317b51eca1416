package io.ticketing.payment.projection;

import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.support.persistence.ColumnText;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Payments by booking, and who owns each booking. A redelivered event ends in the same row. */
@Component
@ProcessingGroup(PaymentsProjection.PROCESSING_GROUP)
class PaymentsProjection {

    static final String PROCESSING_GROUP = "payments";

    private final PaymentViewRepository payments;
    private final BookingOwnerRepository owners;

    PaymentsProjection(PaymentViewRepository payments, BookingOwnerRepository owners) {
        this.payments = payments;
        this.owners = owners;
    }

    @EventHandler
    void on(BookingPlaced event) {
        owners.recordOwner(event.bookingId().value(), event.userId().value());
    }

    @EventHandler
    void on(PaymentRequested event, @Timestamp Instant at) {
        payments.recordRequested(
                event.paymentId().value(),
                event.bookingId().value(),
                event.amount().amount(),
                event.amount().currency().getCurrencyCode(),
                at);
    }

    @EventHandler
    void on(PaymentCompleted event, @Timestamp Instant at) {
        payments.recordCompleted(event.paymentId().value(), event.gatewayTransactionId(), at);
    }

    @EventHandler
    void on(PaymentDeclined event, @Timestamp Instant at) {
        payments.recordEnded(event.paymentId().value(), PaymentStatus.DECLINED, reason(event.reason()), at);
    }

    @EventHandler
    void on(PaymentCancelled event, @Timestamp Instant at) {
        payments.recordEnded(event.paymentId().value(), PaymentStatus.CANCELLED, reason(event.reason()), at);
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        payments.recordRefunded(event.paymentId().value(), event.amount().amount(), reason(event.reason()), at);
    }

    private static String reason(String why) {
        return ColumnText.fit(why, TextLimits.REASON);
    }
}
