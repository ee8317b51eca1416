package io.ticketing.coordinator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coordinator.saga.SagaStep;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.support.test.ProjectionTest;
import io.ticketing.support.test.StatementCountingDataSource;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@ProjectionTest
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/saga-coordinator")
class JdbcSagaJournalTest {

    private static final String BOOKING_SAGA = "BookingSaga";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SagaInstanceRepository instances;

    private StatementCountingDataSource counted;
    private JdbcSagaJournal journal;
    private TransactionTemplate transactions;

    @BeforeEach
    void countTheJournalsRoundTrips() {
        counted = new StatementCountingDataSource(dataSource);
        journal = new JdbcSagaJournal(new JdbcTemplate(counted));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
    }

    @Test
    void aTransactionsStepsAreWrittenInOrderOneRoundTripForEachRunOfTheSameStatement() {
        String confirmed = sagaId();
        String retried = sagaId();
        String failing = sagaId();
        Instant due = Instant.parse("2026-03-01T12:00:00Z");

        transactions.executeWithoutResult(transaction -> {
            for (String saga : new String[] {confirmed, retried, failing}) {
                journal.started(saga, BOOKING_SAGA, new BookingId(UUID.randomUUID()), SagaStep.RESERVING_SEATS);
            }
            journal.failed(retried, "ReserveSeats failed: the show is busy");
            journal.moved(confirmed, SagaStep.AWAITING_PAYMENT, due);
            journal.moved(retried, SagaStep.AWAITING_PAYMENT, due);
            journal.failed(failing, "ReserveSeats failed: the show is busy");
            journal.ended(confirmed, SagaStep.CONFIRMED);
            assertThat(counted.roundTrips())
                    .as("nothing is written before the commit")
                    .isZero();
        });

        assertThat(counted.roundTrips())
                .as("started x3, failed, moved x2, failed, ended")
                .isEqualTo(5);
        assertThat(instances.findById(confirmed)).hasValueSatisfying(saga -> {
            assertThat(saga.getStep()).isEqualTo(SagaStep.CONFIRMED);
            assertThat(saga.isActive()).isFalse();
            assertThat(saga.getDeadlineAt()).isNull();
        });
        assertThat(instances.findById(retried)).hasValueSatisfying(saga -> {
            assertThat(saga.getStep()).isEqualTo(SagaStep.AWAITING_PAYMENT);
            assertThat(saga.getDeadlineAt()).isEqualTo(due);
            assertThat(saga.getLastError()).as("cleared by the move after it").isNull();
        });
        assertThat(instances.findById(failing)).hasValueSatisfying(saga -> {
            assertThat(saga.getStep()).isEqualTo(SagaStep.RESERVING_SEATS);
            assertThat(saga.isActive()).isTrue();
            assertThat(saga.getLastError()).isEqualTo("ReserveSeats failed: the show is busy");
        });
    }

    @Test
    void aSagasStepsRewriteItsRowWithoutAddingToAnyIndex() {
        String saga = sagaId();
        transactions.executeWithoutResult(transaction ->
                journal.started(saga, BOOKING_SAGA, new BookingId(UUID.randomUUID()), SagaStep.RESERVING_SEATS));
        AtomicReference<RowUpdates> updates = new AtomicReference<>();

        transactions.executeWithoutResult(transaction -> {
            RowUpdates before = rowUpdates();
            journal.moved(saga, SagaStep.AWAITING_PAYMENT, Instant.parse("2026-03-01T12:00:00Z"));
            journal.failed(saga, "RequestPayment failed: the gateway is down");
            journal.moved(saga, SagaStep.CONFIRMING, null);
            // Registered after the journal's, so it runs once the journal has written, in the same transaction.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    updates.set(rowUpdates().since(before));
                }
            });
        });

        assertThat(updates.get())
                .as("rows updated, and of them rewritten in their page with no new index entry (HOT)")
                .isEqualTo(new RowUpdates(3, 3));
    }

    /**
     * The connection's counts of the journal's updates, those of its open transaction included, as long as
     * PostgreSQL has not yet added them to the table's statistics.
     */
    private RowUpdates rowUpdates() {
        return new JdbcTemplate(counted)
                .queryForObject(
                        "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'saga_instance'",
                        (row, number) -> new RowUpdates(row.getLong(1), row.getLong(2)));
    }

    private record RowUpdates(long rows, long hot) {

        RowUpdates since(RowUpdates before) {
            return new RowUpdates(rows - before.rows, hot - before.hot);
        }
    }

    @Test
    void aSagaStartedAgainKeepsItsRecord() {
        String saga = sagaId();
        BookingId booking = new BookingId(UUID.randomUUID());
        transactions.executeWithoutResult(transaction -> {
            journal.started(saga, BOOKING_SAGA, booking, SagaStep.RESERVING_SEATS);
            journal.moved(saga, SagaStep.AWAITING_PAYMENT, null);
        });

        transactions.executeWithoutResult(
                transaction -> journal.started(saga, BOOKING_SAGA, booking, SagaStep.RESERVING_SEATS));

        assertThat(instances.findById(saga))
                .hasValueSatisfying(instance -> assertThat(instance.getStep()).isEqualTo(SagaStep.AWAITING_PAYMENT));
    }

    @Test
    void aTransactionThatRollsBackWritesNothing() {
        String saga = sagaId();
        transactions.executeWithoutResult(transaction -> {
            journal.started(saga, BOOKING_SAGA, new BookingId(UUID.randomUUID()), SagaStep.RESERVING_SEATS);
            transaction.setRollbackOnly();
        });

        assertThat(instances.findById(saga)).isEmpty();
        assertThat(counted.roundTrips()).isZero();
    }

    private static String sagaId() {
        return UUID.randomUUID().toString();
    }
}
