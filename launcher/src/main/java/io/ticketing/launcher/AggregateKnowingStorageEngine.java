package io.ticketing.launcher;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC storage engine, except that it reads only what an aggregate may have. Axon's asks for a snapshot and
 * for the events before every load, and most loads here find neither: a booking's and its payment's first commands
 * load them to recognise a command sent again ({@code CREATE_IF_MISSING}), and only shows take snapshots. The
 * standalone event store is the only writer of its database, so it can know both:
 * <ul>
 *   <li>the aggregates with a snapshot, exactly: those stored before it started, and those it stores;</li>
 *   <li>the aggregates with events, in a Bloom filter: those stored before it started, learned in the background
 *       (until then it reads every aggregate), and those it appends, learned before their transaction commits. A
 *       Bloom filter never forgets one, and mistakes about one aggregate in a hundred it never saw for one it did.</li>
 * </ul>
 * A mistake costs a read, never a wrong state. Events appended behind the store's back, which only another writer of
 * the same database could append, would go unread until the next start; a snapshot it does not know of only
 * lengthens a load, as every event is kept.
 * <p>
 * It also reads no more of the stream's head than its reader asks for ({@link #readEventData(TrackingToken,
 * boolean)}).
 */
final class AggregateKnowingStorageEngine extends JdbcEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(AggregateKnowingStorageEngine.class);

    /** Aggregates the filter is made for at the least: a bit more than a megabyte for a mistake in a hundred. */
    private static final long FEWEST_EXPECTED_AGGREGATES = 1_000_000;

    private static final double MISTAKEN_FOR_STORED = 0.01;
    private static final int IDENTIFIERS_A_FETCH = 10_000;

    private final Set<String> withSnapshots = ConcurrentHashMap.newKeySet();
    private final BloomFilter<CharSequence> withEvents;
    private final CompletableFuture<Void> storedAggregatesLearned = new CompletableFuture<>();

    private AggregateKnowingStorageEngine(Builder builder, long expectedAggregates) {
        super(builder);
        withEvents = BloomFilter.create(Funnels.unencodedCharsFunnel(), expectedAggregates, MISTAKEN_FOR_STORED);
    }

    /**
     * The engine {@code builder} describes, on {@code schema}'s tables, knowing the snapshots {@code database} holds
     * now; it learns the aggregates with events on a thread of its own.
     */
    static AggregateKnowingStorageEngine over(DataSource database, EventSchema schema, Builder builder)
            throws SQLException {
        AggregateKnowingStorageEngine engine;
        try (Connection connection = database.getConnection()) {
            engine = new AggregateKnowingStorageEngine(builder.schema(schema), expectedAggregates(connection, schema));
            engine.learnSnapshots(connection);
        }
        Thread learning = new Thread(() -> engine.learnStoredAggregates(database), "event-store-aggregates");
        learning.setDaemon(true);
        learning.start();
        return engine;
    }

    /**
     * Completes once every aggregate stored before the engine started is known; until then, and for good if learning
     * them failed, every aggregate's events are read.
     */
    CompletableFuture<Void> storedAggregatesLearned() {
        return storedAggregatesLearned;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return withSnapshots.contains(aggregateIdentifier)
                ? super.readSnapshotData(aggregateIdentifier)
                : Stream.empty();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        boolean knowsEveryAggregate =
                storedAggregatesLearned.isDone() && !storedAggregatesLearned.isCompletedExceptionally();
        return knowsEveryAggregate && !withEvents.mightContain(identifier)
                ? Stream.empty()
                : super.readEventData(identifier, firstSequenceNumber);
    }

    /**
     * A stream that may wait at its end is the one the event store's reader of the latest events opens
     * ({@link ShortWindowEventStore}), which reads again whenever an append commits. So it reads on only while its
     * batches come back full: Axon's would read on until a batch came back empty, a statement (and a transaction of
     * the event store's database) that came back empty nearly every time. Events committed beyond a batch that was
     * not full are the next read's. Any other stream reads until a batch comes back empty, as Axon's does.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayWaitAtItsEnd) {
        if (!mayWaitAtItsEnd) {
            return super.readEventData(token, false);
        }
        return Stream.<List<? extends TrackedEventData<?>>>iterate(
                        fetchTrackedEvents(token, batchSize()), batch -> !batch.isEmpty(), this::nextIfFull)
                .flatMap(List::stream);
    }

    private List<? extends TrackedEventData<?>> nextIfFull(List<? extends TrackedEventData<?>> batch) {
        return batch.size() < batchSize()
                ? List.of()
                : fetchTrackedEvents(batch.get(batch.size() - 1).trackingToken(), batchSize());
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        // Known before the events are visible: a load that misses them must be one that began before their commit.
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                withEvents.put(domainEvent.getAggregateIdentifier());
            }
        }
        if (events.size() > 1) {
            appendInOneTransaction();
        }
        super.appendEvents(events, serializer);
    }

    /**
     * A unit of work that first uses its connection to append commits each statement ({@link EventStoreFactory}). Its
     * events go as a batch, which the driver may send in several exchanges, each committing its part: more than one
     * event goes in a transaction, which commits with the unit of work.
     */
    private void appendInOneTransaction() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        try {
            getConnection().setAutoCommit(false);
        } catch (SQLException e) {
            throw new EventStoreException("Could not begin a transaction for the unit of work's events", e);
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        super.storeSnapshot(snapshot, serializer);
        withSnapshots.add(snapshot.getAggregateIdentifier());
    }

    /** Twice the events the statistics count, since an aggregate has one at least, and more as the store grows. */
    private static long expectedAggregates(Connection connection, EventSchema schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            statement.setString(1, schema.domainEventTable());
            try (ResultSet estimate = statement.executeQuery()) {
                long events = estimate.next() ? estimate.getLong(1) : 0;
                return Math.max(FEWEST_EXPECTED_AGGREGATES, 2 * events);
            }
        }
    }

    private void learnSnapshots(Connection connection) throws SQLException {
        String snapshotted =
                "SELECT DISTINCT " + schema().aggregateIdentifierColumn() + " FROM " + schema().snapshotTable();
        try (Statement statement = connection.createStatement();
                ResultSet aggregates = statement.executeQuery(snapshotted)) {
            while (aggregates.next()) {
                withSnapshots.add(aggregates.getString(1));
            }
        }
    }

    /** Every aggregate's first event, fetched a bounded number at a time through a cursor, which needs a transaction. */
    private void learnStoredAggregates(DataSource database) {
        String firstEvents = "SELECT " + schema().aggregateIdentifierColumn() + " FROM " + schema().domainEventTable()
                + " WHERE " + schema().sequenceNumberColumn() + " = 0";
        long learned = 0;
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.setFetchSize(IDENTIFIERS_A_FETCH);
            try (ResultSet aggregates = statement.executeQuery(firstEvents)) {
                while (aggregates.next()) {
                    withEvents.put(aggregates.getString(1));
                    learned++;
                }
            }
            connection.rollback();
            storedAggregatesLearned.complete(null);
            log.info("The event store knows its {} stored aggregates", learned);
        } catch (SQLException | RuntimeException failure) {
            // Nothing is lost: the store goes on reading every aggregate's events, as Axon's does.
            log.warn("The event store could not learn its stored aggregates; it reads every one", failure);
            storedAggregatesLearned.completeExceptionally(failure);
        }
    }
}
