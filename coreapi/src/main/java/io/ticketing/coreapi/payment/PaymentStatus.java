package io.ticketing.coreapi.payment;

public enum PaymentStatus {
    REQUESTED,
    COMPLETED,
    DECLINED,
    CANCELLED,
    REFUNDED
}
