package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.common.BookingId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The journal's calls, in order, for assertions. */
class RecordingJournal implements SagaJournal {

    final List<String> entries = new ArrayList<>();

    @Override
    public void started(String sagaId, String sagaType, BookingId bookingId, SagaStep firstStep) {
        entries.add("started " + sagaType + " " + firstStep);
    }

    @Override
    public void moved(String sagaId, SagaStep step, Instant deadline) {
        entries.add("moved " + step + (deadline == null ? "" : " until deadline"));
    }

    @Override
    public void failed(String sagaId, String reason) {
        entries.add("failed " + reason);
    }

    @Override
    public void ended(String sagaId, SagaStep outcome) {
        entries.add("ended " + outcome);
    }
}
