package io.ticketing.payment.projection;

import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.support.persistence.ColumnText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments by booking, and who owns each booking. A redelivered event ends in the same row.
 * <p>
 * Every change is one plain statement: three of them are on the path of every booking, and a modifying query through
 * Spring Data and Hibernate cost several times the statement itself (half of this processor's thread in the flat-out
 * profile, docs/benchmarks.md). The rows are read as entities ({@link PaymentViewRepository}).
 */
@Component
@ProcessingGroup(PaymentsProjection.PROCESSING_GROUP)
class PaymentsProjection {

    static final String PROCESSING_GROUP = "payments";

    private final JdbcClient jdbc;

    PaymentsProjection(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Unless it is already on record: its placement was delivered again. */
    @EventHandler
    void on(BookingPlaced event) {
        jdbc.sql("INSERT INTO booking_owner (booking_id, user_id) VALUES (:bookingId, :userId) "
                        + "ON CONFLICT (booking_id) DO NOTHING")
                .param("bookingId", event.bookingId().value())
                .param("userId", event.userId().value())
                .update();
    }

    /** Unless it is already on record: its request was delivered again. */
    @EventHandler
    void on(PaymentRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO payment_view (payment_id, booking_id, amount, currency, status, requested_at, updated_at)
                        VALUES (:paymentId, :bookingId, :amount, :currency, 'REQUESTED', :at, :at)
                        ON CONFLICT (payment_id) DO NOTHING""")
                .param("paymentId", event.paymentId().value())
                .param("bookingId", event.bookingId().value())
                .param("amount", event.amount().amount())
                .param("currency", event.amount().currency().getCurrencyCode())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(PaymentCompleted event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE payment_view SET status = 'COMPLETED', gateway_transaction_id = :transactionId,
                            reason = NULL, updated_at = :at
                        WHERE payment_id = :paymentId""")
                .param("paymentId", event.paymentId().value())
                .param("transactionId", event.gatewayTransactionId())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(PaymentDeclined event, @Timestamp Instant at) {
        ended(event.paymentId(), PaymentStatus.DECLINED, event.reason(), at);
    }

    @EventHandler
    void on(PaymentCancelled event, @Timestamp Instant at) {
        ended(event.paymentId(), PaymentStatus.CANCELLED, event.reason(), at);
    }

    @EventHandler
    void on(PaymentRefunded event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE payment_view SET status = 'REFUNDED', amount_refunded = :amount, reason = :reason,
                            updated_at = :at
                        WHERE payment_id = :paymentId""")
                .param("paymentId", event.paymentId().value())
                .param("amount", event.amount().amount())
                .param("reason", reason(event.reason()))
                .param("at", utc(at))
                .update();
    }

    private void ended(PaymentId paymentId, PaymentStatus status, String why, Instant at) {
        jdbc.sql("UPDATE payment_view SET status = :status, reason = :reason, updated_at = :at "
                        + "WHERE payment_id = :paymentId")
                .param("paymentId", paymentId.value())
                .param("status", status.name())
                .param("reason", reason(why))
                .param("at", utc(at))
                .update();
    }

    private static String reason(String why) {
        return ColumnText.fit(why, TextLimits.REASON);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
