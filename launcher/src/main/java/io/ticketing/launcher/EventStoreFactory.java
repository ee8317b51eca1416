package io.ticketing.launcher;

import io.ticketing.support.messaging.MessageSerialization;
import io.ticketing.support.privacy.DataSubjectKeys;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.flywaydb.core.Flyway;

/**
 * The standalone mode's event store: Axon's JDBC storage engine on the {@code eventstore} database, whose schema
 * Flyway owns ({@code db/eventstore}), reading snapshots only of the aggregates that have one and events only of those
 * that may have some ({@link AggregateKnowingStorageEngine}), its event processors sharing a short window of the last
 * events read ({@link ShortWindowEventStore}).
 * <p>
 * The pool hands out connections with auto-commit off, and each unit of work keeps one of them from its first read
 * to its commit: an aggregate's events are read and appended in one transaction of the event store, committed or
 * rolled back with the unit of work, whichever service's handler ran in it. A unit of work that read nothing (its
 * aggregates came from the cache or are new, as nearly every command's do) first uses its connection to append its
 * events, as it prepares its commit: one statement, which then commits as it runs, a round trip fewer a command.
 * Its events stand from then on: a step of that commit after the append that fails no longer takes them back, as the
 * service's database failing to commit after the event store never did.
 * <p>
 * The handling service's own database has a transaction of its own in the same unit of work; the event store commits
 * first, then the service's database (Axon commits in reverse order of registration). They are two commits, not one:
 * should the second fail after the first, the events stand and the service's rows do not.
 */
final class EventStoreFactory {

    /** PostgreSQL's state for a unique violation: two writers appending the same aggregate sequence number. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The events the processors' streams share, a tenth of Axon's default: two seconds of a sale at 100 bookings a
     * second, under half the time between two young collections then. Both times shrink as the rate grows, so at any
     * rate the window's events die young. A processor further behind reads its own from the database until it is back.
     */
    private static final int WINDOW_EVENTS = 1_000;

    private EventStoreFactory() {}

    static void migrate(DataSource eventStoreDatabase) {
        Flyway.configure()
                .dataSource(eventStoreDatabase)
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
    }

    static ShortWindowEventStore eventStore(DataSource eventStoreDatabase, QueryBus queryBus) throws SQLException {
        return ShortWindowEventStore.over(storageEngine(eventStoreDatabase, queryBus), WINDOW_EVENTS);
    }

    static AggregateKnowingStorageEngine storageEngine(DataSource eventStoreDatabase, QueryBus queryBus)
            throws SQLException {
        Serializer serializer = MessageSerialization.eventSerializer(new DataSubjectKeys(() -> queryBus));
        JdbcEventStorageEngine.Builder storageSettings = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        () -> committingStatementsUnlessHandling(eventStoreDatabase.getConnection())))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .upcasterChain(new EventUpcasterChain(MessageSerialization.upcasters()))
                .readEventDataWithoutGaps(GapSpanningReads::withoutGaps)
                .readEventDataWithGaps(GapSpanningReads::withGaps)
                .extendedGapCheckEnabled(false);
        return AggregateKnowingStorageEngine.over(
                eventStoreDatabase, EventSchema.builder().build(), storageSettings);
    }

    /**
     * A connection is in its unit of work's transaction only when the unit of work's handlers take it (a command
     * reading its aggregate's events), so that what they read and what it appends commit or roll back together. Taken
     * later, it commits each statement: outside a unit of work and after its commit (a snapshot is stored then) no
     * transaction would commit it, and as the unit of work prepares its commit it appends the events, a statement
     * that needs no transaction around it (Axon's wrapper then commits nothing).
     */
    private static Connection committingStatementsUnlessHandling(Connection connection) throws SQLException {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.STARTED)) {
            connection.setAutoCommit(true);
        }
        return connection;
    }
}
