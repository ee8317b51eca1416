package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.common.BookingId;
import java.time.Instant;

/**
 * Where sagas record how they are doing, for operators; written in the same transaction as the saga's own state.
 */
public interface SagaJournal {

    void started(String sagaId, String sagaType, BookingId bookingId, SagaStep firstStep);

    void moved(String sagaId, SagaStep step, Instant deadline);

    void failed(String sagaId, String reason);

    void ended(String sagaId, SagaStep outcome);
}
