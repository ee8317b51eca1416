package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaStep;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One saga as operators see it. */
@Entity
@Table(name = "saga_instance")
public class SagaInstance {

    @Id
    private String sagaId;

    private String sagaType;
    private UUID bookingId;

    @Enumerated(EnumType.STRING)
    private SagaStep step;

    private boolean active;
    private Instant deadlineAt;
    private String lastError;
    private Instant startedAt;
    private Instant updatedAt;

    protected SagaInstance() {}

    public String getSagaId() {
        return sagaId;
    }

    public String getSagaType() {
        return sagaType;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public SagaStep getStep() {
        return step;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeadlineAt() {
        return deadlineAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
