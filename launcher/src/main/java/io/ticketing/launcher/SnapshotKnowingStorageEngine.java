package io.ticketing.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, except that it asks for an aggregate's snapshot only when it knows the aggregate has one;
 * Axon's asks before every load. Most loads are of aggregates that never take a snapshot: a booking's and its
 * payment's first commands load them to see whether they exist, which cost a snapshot query each. The standalone event
 * store is the only writer of its database, so it knows them: those stored before it started, and those it stores.
 * <p>
 * A snapshot only shortens a load, as every event is kept: one this engine did not know of would cost reading the
 * events it stands for, never a wrong state.
 */
final class SnapshotKnowingStorageEngine extends JdbcEventStorageEngine {

    private final Set<String> withSnapshots = ConcurrentHashMap.newKeySet();

    private SnapshotKnowingStorageEngine(Builder builder) {
        super(builder);
    }

    /** The engine {@code builder} describes, over the snapshots {@code database} holds now. */
    static SnapshotKnowingStorageEngine over(DataSource database, Builder builder) throws SQLException {
        SnapshotKnowingStorageEngine engine = new SnapshotKnowingStorageEngine(builder);
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
}
