package io.ticketing.payment.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.support.persistence.ColumnText;
import io.ticketing.support.persistence.ProjectionRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "payment_view")
public class PaymentView extends ProjectionRow {

    @Id
    private UUID paymentId;
    private UUID bookingId;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String gatewayTransactionId;
    private String reason;
    private BigDecimal amountRefunded;
    private Instant requestedAt;
    private Instant updatedAt;

    protected PaymentView() {
    }

    @Override
    @JsonIgnore
    public UUID getId() {
        return paymentId;
    }

    PaymentView(UUID paymentId, UUID bookingId, BigDecimal amount, String currency, Instant requestedAt) {
        this.paymentId = paymentId;
        this.bookingId = bookingId;
        this.amount = amount;
        this.currency = currency;
        this.status = PaymentStatus.REQUESTED;
        this.requestedAt = requestedAt;
        this.updatedAt = requestedAt;
    }

    void completed(String transactionId, Instant at) {
        gatewayTransactionId = transactionId;
        moved(PaymentStatus.COMPLETED, null, at);
    }

    void declined(String why, Instant at) {
        moved(PaymentStatus.DECLINED, why, at);
    }

    void cancelled(String why, Instant at) {
        moved(PaymentStatus.CANCELLED, why, at);
    }

    void refunded(BigDecimal refunded, String why, Instant at) {
        amountRefunded = refunded;
        moved(PaymentStatus.REFUNDED, why, at);
    }

    private void moved(PaymentStatus newStatus, String why, Instant at) {
        status = newStatus;
        reason = ColumnText.fit(why, TextLimits.REASON);
        updatedAt = at;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public String getGatewayTransactionId() {
        return gatewayTransactionId;
    }

    public String getReason() {
        return reason;
    }

    public BigDecimal getAmountRefunded() {
        return amountRefunded;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
