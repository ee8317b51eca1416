package io.ticketing.coordinator.operations;

import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The saga journal's rows, as operators look them up; {@link JdbcSagaJournal} writes them. */
public interface SagaInstanceRepository extends JpaRepository<SagaInstance, String> {

    Page<SagaInstance> findByActive(boolean active, Pageable page);

    Page<SagaInstance> findByActiveTrueAndLastErrorIsNotNull(Pageable page);

    /** Active sagas that failed, or that have not moved since {@code unchangedSince} and wait for no deadline. */
    @Query("""
            SELECT s FROM SagaInstance s WHERE s.active = true AND (s.lastError IS NOT NULL
                OR (s.updatedAt < :unchangedSince AND (s.deadlineAt IS NULL OR s.deadlineAt < :unchangedSince)))""")
    Page<SagaInstance> findStuck(Instant unchangedSince, Pageable page);
}
