package io.ticketing.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The standalone event store's storage engine: Axon's JDBC engine, except for two reads it leaves out.
 * <ul>
 *   <li>It asks for an aggregate's snapshot only when it knows the aggregate has one; Axon's asks before every load.
 *       Most loads are of aggregates that never take a snapshot: a booking's and its payment's first commands load
 *       them to see whether they exist, which cost a snapshot query each. The standalone event store is the only
 *       writer of its database, so it knows them: those stored before it started, and those it stores. A snapshot
 *       only shortens a load, as every event is kept: one this engine did not know of would cost reading the events
 *       it stands for, never a wrong state.
 *   <li>The stream that Axon's event producer reads after every commit ends at a batch short of full. Axon's stream
 *       reads on until a batch comes back empty, and the producer reads again whenever a read found events, until
 *       one finds none: of the three reads a commit cost, the middle one was an empty read that the producer's own
 *       repeated. The producer is the only reader that may be kept waiting ({@code mayBlock}). The readers behind its
 *       cache (a replay, a processor catching up) keep Axon's stream: every gap left by a rolled-back append makes a
 *       batch short of full in mid-stream, and their stream ending there would leave them waiting for the next
 *       commit.
 * </ul>
 */
final class StandaloneStorageEngine extends JdbcEventStorageEngine {

    private final Set<String> withSnapshots = ConcurrentHashMap.newKeySet();

    private StandaloneStorageEngine(Builder builder) {
        super(builder);
    }

    /** The engine {@code builder} describes, over the snapshots {@code database} holds now. */
    static StandaloneStorageEngine over(DataSource database, Builder builder) throws SQLException {
        StandaloneStorageEngine engine = new StandaloneStorageEngine(builder);
        String snapshotted = "SELECT DISTINCT " + engine.schema().aggregateIdentifierColumn() + " FROM "
                + engine.schema().snapshotTable();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet aggregates = statement.executeQuery(snapshotted)) {
            while (aggregates.next()) {
                engine.withSnapshots.add(aggregates.getString(1));
            }
        }
        return engine;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return withSnapshots.contains(aggregateIdentifier)
                ? super.readSnapshotData(aggregateIdentifier)
                : Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        super.storeSnapshot(snapshot, serializer);
        withSnapshots.add(snapshot.getAggregateIdentifier());
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        int batchSize = batchSize();
        return Stream.<List<? extends TrackedEventData<?>>>iterate(
                        fetchTrackedEvents(trackingToken, batchSize),
                        batch -> !batch.isEmpty(),
                        batch -> batch.size() < batchSize
                                ? List.of()
                                : fetchTrackedEvents(batch.get(batch.size() - 1).trackingToken(), batchSize))
                .flatMap(List::stream);
    }
}
