package io.ticketing.coordinator.saga;

/**
 * What an operator can ask of a saga that went wrong. It reaches the saga as a deadline due at once, so that it
 * runs inside the saga, with its state, like any other step.
 */
public enum OperatorAction {
    /** Send the current step's commands again. */
    RETRY,
    /** Undo whatever the saga did so far and reject the booking. */
    COMPENSATE,
    /** Stop the saga where it is, without sending anything. */
    ABANDON;

    public static final String DEADLINE_NAME = "operator-action";

    /**
     * Refuses this action for a saga of a type that cannot carry it out: a cancellation is itself the compensation,
     * so it can be retried or abandoned but not compensated.
     *
     * @param sagaType the saga class's simple name, as the journal records it
     */
    public void requireApplicableTo(String sagaType) {
        if (this == COMPENSATE && CancellationSaga.class.getSimpleName().equals(sagaType)) {
            throw new IllegalStateException("A cancellation is itself the compensation; retry or abandon it");
        }
    }
}
