package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaJournal;
import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.support.persistence.ColumnText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The journal's rows ({@link SagaInstance}, read through {@link SagaInstanceRepository}), written one plain statement
 * a step: every booking's saga takes four steps, and a modifying query through Spring Data and Hibernate cost several
 * times the statement itself (a third of the saga's thread in the flat-out profile, docs/benchmarks.md).
 */
@Component
class JdbcSagaJournal implements SagaJournal {

    /** The column's length: a failure's message can be a whole stack of causes. */
    private static final int LAST_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    JdbcSagaJournal(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Unless it is already on record: its first event was delivered again. */
    @Override
    public void started(String sagaId, String sagaType, BookingId bookingId, SagaStep firstStep) {
        jdbc.sql("""
                        INSERT INTO saga_instance (saga_id, saga_type, booking_id, step, active, started_at, updated_at)
                        VALUES (:sagaId, :sagaType, :bookingId, :step, true, :now, :now)
                        ON CONFLICT (saga_id) DO NOTHING""")
                .param("sagaId", sagaId)
                .param("sagaType", sagaType)
                .param("bookingId", bookingId.value())
                .param("step", firstStep.name())
                .param("now", now())
                .update();
    }

    @Override
    public void moved(String sagaId, SagaStep step, Instant deadline) {
        jdbc.sql("""
                        UPDATE saga_instance SET step = :step, deadline_at = :deadline, last_error = NULL, updated_at = :now
                        WHERE saga_id = :sagaId""")
                .param("sagaId", sagaId)
                .param("step", step.name())
                .param("deadline", deadline == null ? null : OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
                .param("now", now())
                .update();
    }

    @Override
    public void failed(String sagaId, String reason) {
        jdbc.sql("UPDATE saga_instance SET last_error = :reason, updated_at = :now WHERE saga_id = :sagaId")
                .param("sagaId", sagaId)
                .param("reason", ColumnText.fit(reason, LAST_ERROR_LENGTH))
                .param("now", now())
                .update();
    }

    @Override
    public void ended(String sagaId, SagaStep outcome) {
        jdbc.sql("""
                        UPDATE saga_instance SET step = :outcome, active = false, deadline_at = NULL, updated_at = :now
                        WHERE saga_id = :sagaId""")
                .param("sagaId", sagaId)
                .param("outcome", outcome.name())
                .param("now", now())
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
