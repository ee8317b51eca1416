package io.ticketing.payment.projection;

import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
        if (!owners.existsById(event.bookingId().value())) {
            owners.save(new BookingOwner(event.bookingId().value(), event.userId().value()));
        }
    }

    @EventHandler
    void on(PaymentRequested event, @Timestamp Instant at) {
        if (!payments.existsById(event.paymentId().value())) {
            payments.save(new PaymentView(event.paymentId().value(), event.bookingId().value(),
                    event.amount().amount(), event.amount().currency().getCurrencyCode(), at));
        }
    }

    @EventHandler
    void on(PaymentCompleted event, @Timestamp Instant at) {
        update(event.paymentId().value(), payment -> payment.completed(event.gatewayTransactionId(), at));
    }

    @EventHandler
    void on(PaymentDeclined event, @Timestamp Instant at) {
        update(event.paymentId().value(), payment -> payment.declined(event.reason(), at));
    }

    @EventHandler
    void on(PaymentCancelled event, @Timestamp Instant at) {
        update(event.paymentId().value(), payment -> payment.cancelled(event.reason(), at));
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        update(event.paymentId().value(), payment -> payment.refunded(event.amount().amount(), event.reason(), at));
    }

    @ResetHandler
    void forgetEverything() {
        payments.deleteAllInBatch();
        owners.deleteAllInBatch();
    }

    private void update(UUID paymentId, Consumer<PaymentView> change) {
        payments.findById(paymentId).ifPresent(change);
    }
}
