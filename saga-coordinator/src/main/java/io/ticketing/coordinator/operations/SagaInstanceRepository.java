package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaStep;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SagaInstanceRepository extends JpaRepository<SagaInstance, String> {

    /**
     * Puts a saga that started on record, unless it is already (its first event was delivered again): one statement
     * on the path of every booking, where a lookup and an insert through the entity took three.
     */
    @Modifying
    @Query(value = """
            INSERT INTO saga_instance (saga_id, saga_type, booking_id, step, active, started_at, updated_at)
            VALUES (:sagaId, :sagaType, :bookingId, :step, true, :at, :at)
            ON CONFLICT (saga_id) DO NOTHING""", nativeQuery = true)
    void recordStarted(String sagaId, String sagaType, UUID bookingId, String step, Instant at);

    /**
     * A saga's later steps are one statement each as well: changing the row through the entity cost a select and
     * Hibernate's dirty check on every step of every booking.
     */
    @Modifying
    @Query("UPDATE SagaInstance s SET s.step = :step, s.deadlineAt = :deadline, s.lastError = NULL, s.updatedAt = :at "
            + "WHERE s.sagaId = :sagaId")
    void recordMoved(String sagaId, SagaStep step, Instant deadline, Instant at);

    @Modifying
    @Query("UPDATE SagaInstance s SET s.lastError = :reason, s.updatedAt = :at WHERE s.sagaId = :sagaId")
    void recordFailed(String sagaId, String reason, Instant at);

    @Modifying
    @Query("UPDATE SagaInstance s SET s.step = :outcome, s.active = false, s.deadlineAt = NULL, s.updatedAt = :at "
            + "WHERE s.sagaId = :sagaId")
    void recordEnded(String sagaId, SagaStep outcome, Instant at);

    Page<SagaInstance> findByActive(boolean active, Pageable page);

    Page<SagaInstance> findByActiveTrueAndLastErrorIsNotNull(Pageable page);

    /** Active sagas that failed, or that have not moved since {@code unchangedSince} and wait for no deadline. */
    @Query("""
            SELECT s FROM SagaInstance s WHERE s.active = true AND (s.lastError IS NOT NULL
                OR (s.updatedAt < :unchangedSince AND (s.deadlineAt IS NULL OR s.deadlineAt < :unchangedSince)))""")
    Page<SagaInstance> findStuck(Instant unchangedSince, Pageable page);
}
