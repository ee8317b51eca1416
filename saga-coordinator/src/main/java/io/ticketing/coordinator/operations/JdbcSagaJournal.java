package io.ticketing.coordinator.operations;

import io.ticketing.coordinator.saga.SagaJournal;
import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.support.persistence.ColumnText;
import io.ticketing.support.persistence.WrittenBeforeCommit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The journal's rows ({@link SagaInstance}, read through {@link SagaInstanceRepository}), written in plain
 * statements: every booking's saga takes four steps, and a modifying query through Spring Data and Hibernate cost
 * several times the statement itself (a third of the saga's thread in the flat-out profile, docs/benchmarks.md).
 * <p>
 * A transaction's steps are written just before it commits, as JDBC batches, in the order they were taken. The
 * saga's processor handles a batch of events in one transaction, and its thread does nothing else while it waits
 * for the database: a statement a step made the journal a sixth of the saga's round trips to it.
 */
@Component
class JdbcSagaJournal implements SagaJournal {

    /** The column's length: a failure's message can be a whole stack of causes. */
    private static final int LAST_ERROR_LENGTH = 1000;

    /** Unless it is already on record: its first event was delivered again. */
    private static final String STARTED = """
            INSERT INTO saga_instance (saga_id, saga_type, booking_id, step, active, started_at, updated_at)
            VALUES (:sagaId, :sagaType, :bookingId, :step, true, :now, :now)
            ON CONFLICT (saga_id) DO NOTHING""";

    private static final String MOVED = """
            UPDATE saga_instance SET step = :step, deadline_at = :deadline, last_error = NULL, updated_at = :now
            WHERE saga_id = :sagaId""";

    private static final String FAILED =
            "UPDATE saga_instance SET last_error = :reason, updated_at = :now WHERE saga_id = :sagaId";

    private static final String ENDED = """
            UPDATE saga_instance SET step = :outcome, active = false, deadline_at = NULL, updated_at = :now
            WHERE saga_id = :sagaId""";

    private record Write(String statement, SqlParameterSource parameters) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final WrittenBeforeCommit<List<Write>> pending = new WrittenBeforeCommit<>(ArrayList::new, this::write);

    JdbcSagaJournal(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public void started(String sagaId, String sagaType, BookingId bookingId, SagaStep firstStep) {
        record(
                STARTED,
                row(sagaId)
                        .addValue("sagaType", sagaType)
                        .addValue("bookingId", bookingId.value())
                        .addValue("step", firstStep.name()));
    }

    @Override
    public void moved(String sagaId, SagaStep step, Instant deadline) {
        record(
                MOVED,
                row(sagaId)
                        .addValue("step", step.name())
                        .addValue(
                                "deadline",
                                deadline == null ? null : OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC)));
    }

    @Override
    public void failed(String sagaId, String reason) {
        record(FAILED, row(sagaId).addValue("reason", ColumnText.fit(reason, LAST_ERROR_LENGTH)));
    }

    @Override
    public void ended(String sagaId, SagaStep outcome) {
        record(ENDED, row(sagaId).addValue("outcome", outcome.name()));
    }

    private static MapSqlParameterSource row(String sagaId) {
        return new MapSqlParameterSource()
                .addValue("sagaId", sagaId)
                .addValue("now", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private void record(String statement, SqlParameterSource parameters) {
        pending.get().add(new Write(statement, parameters));
    }

    /**
     * Each run of the same statement goes as one batch, so that the order of the steps holds across statements (a
     * move clears the failure recorded before it) and a batch of events that all start sagas costs one round trip.
     */
    private void write(List<Write> writes) {
        int start = 0;
        while (start < writes.size()) {
            String statement = writes.get(start).statement();
            int end = start + 1;
            while (end < writes.size() && writes.get(end).statement().equals(statement)) {
                end++;
            }
            jdbc.batchUpdate(
                    statement,
                    writes.subList(start, end).stream().map(Write::parameters).toArray(SqlParameterSource[]::new));
            start = end;
        }
    }
}
