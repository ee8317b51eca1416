package io.ticketing.coordinator.operations;

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

    Page<SagaInstance> findByActive(boolean active, Pageable page);

    Page<SagaInstance> findByActiveTrueAndLastErrorIsNotNull(Pageable page);

    /** Active sagas that failed, or that have not moved since {@code unchangedSince} and wait for no deadline. */
    @Query("""
            SELECT s FROM SagaInstance s WHERE s.active = true AND (s.lastError IS NOT NULL
                OR (s.updatedAt < :unchangedSince AND (s.deadlineAt IS NULL OR s.deadlineAt < :unchangedSince)))""")
    Page<SagaInstance> findStuck(Instant unchangedSince, Pageable page);
}
