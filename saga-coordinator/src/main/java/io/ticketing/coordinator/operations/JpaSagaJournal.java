package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaJournal;
import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.support.persistence.ColumnText;
import java.time.Instant;
import org.springframework.stereotype.Component;

@Component
class JpaSagaJournal implements SagaJournal {

    /** The column's length: a failure's message can be a whole stack of causes. */
    private static final int LAST_ERROR_LENGTH = 1000;

    private final SagaInstanceRepository instances;

    JpaSagaJournal(SagaInstanceRepository instances) {
        this.instances = instances;
    }

    @Override
    public void started(String sagaId, String sagaType, BookingId bookingId, SagaStep firstStep) {
        instances.recordStarted(sagaId, sagaType, bookingId.value(), firstStep.name(), Instant.now());
    }

    @Override
    public void moved(String sagaId, SagaStep step, Instant deadline) {
        instances.recordMoved(sagaId, step, deadline, Instant.now());
    }

    @Override
    public void failed(String sagaId, String reason) {
        instances.recordFailed(sagaId, ColumnText.fit(reason, LAST_ERROR_LENGTH), Instant.now());
    }

    @Override
    public void ended(String sagaId, SagaStep outcome) {
        instances.recordEnded(sagaId, outcome, Instant.now());
    }
}
