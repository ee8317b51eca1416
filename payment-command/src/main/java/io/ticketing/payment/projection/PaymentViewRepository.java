package io.ticketing.payment.projection;

import io.ticketing.coreapi.payment.PaymentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PaymentViewRepository extends JpaRepository<PaymentView, UUID> {

    List<PaymentView> findByBookingIdOrderByRequestedAt(UUID bookingId);

    /**
     * A requested payment on record, unless it is already (its event was delivered again). Every change of a payment
     * is one statement: through the entity, a request took a lookup and an insert, and each later state a select and
     * Hibernate's dirty check, on the path of every booking.
     */
    @Modifying
    @Query(value = """
            INSERT INTO payment_view (payment_id, booking_id, amount, currency, status, requested_at, updated_at)
            VALUES (:paymentId, :bookingId, :amount, :currency, 'REQUESTED', :at, :at)
            ON CONFLICT (payment_id) DO NOTHING""", nativeQuery = true)
    void recordRequested(UUID paymentId, UUID bookingId, BigDecimal amount, String currency, Instant at);

    @Modifying
    @Query("""
            UPDATE PaymentView p
            SET p.status = io.ticketing.coreapi.payment.PaymentStatus.COMPLETED,
                p.gatewayTransactionId = :transactionId, p.reason = NULL, p.updatedAt = :at
            WHERE p.paymentId = :paymentId""")
    void recordCompleted(UUID paymentId, String transactionId, Instant at);

    /** A payment declined or cancelled. */
    @Modifying
    @Query("UPDATE PaymentView p SET p.status = :status, p.reason = :reason, p.updatedAt = :at "
            + "WHERE p.paymentId = :paymentId")
    void recordEnded(UUID paymentId, PaymentStatus status, String reason, Instant at);

    @Modifying
    @Query("""
            UPDATE PaymentView p
            SET p.status = io.ticketing.coreapi.payment.PaymentStatus.REFUNDED,
                p.amountRefunded = :amount, p.reason = :reason, p.updatedAt = :at
            WHERE p.paymentId = :paymentId""")
    void recordRefunded(UUID paymentId, BigDecimal amount, String reason, Instant at);
}
