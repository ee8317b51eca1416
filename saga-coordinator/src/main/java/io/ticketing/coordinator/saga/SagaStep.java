package io.ticketing.coordinator.saga;

/** Where a saga stands: the step it is carrying out, or how it ended. */
public enum SagaStep {
    RESERVING_SEATS,
    AWAITING_PAYMENT,
    CONFIRMING,
    COMPENSATING,
    REFUNDING,
    MARKING_REFUNDED,
    CONFIRMED,
    REJECTED,
    REFUNDED,
    ABANDONED
}
