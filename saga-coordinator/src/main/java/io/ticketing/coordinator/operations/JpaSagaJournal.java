package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaJournal;
import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.BookingId;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

@Component
class JpaSagaJournal implements SagaJournal {

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
        update(sagaId, instance -> instance.moved(step, deadline, Instant.now()));
    }

    @Override
    public void failed(String sagaId, String reason) {
        update(sagaId, instance -> instance.failed(reason, Instant.now()));
    }

    @Override
    public void ended(String sagaId, SagaStep outcome) {
        update(sagaId, instance -> instance.ended(outcome, Instant.now()));
    }

    private void update(String sagaId, Consumer<SagaInstance> change) {
        instances.findById(sagaId).ifPresent(change);
    }
}
