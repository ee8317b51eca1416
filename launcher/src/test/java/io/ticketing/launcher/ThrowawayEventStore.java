package io.ticketing.launcher;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.queryhandling.SimpleQueryBus;

/** The standalone mode's event store on an embedded PostgreSQL of its own, for tests of the store itself. */
final class ThrowawayEventStore implements AutoCloseable {

    private final PostgresServer postgres;
    private final HikariDataSource database;
    private final EmbeddedEventStore eventStore;

    private ThrowawayEventStore(PostgresServer postgres, HikariDataSource database, EmbeddedEventStore eventStore) {
        this.postgres = postgres;
        this.database = database;
        this.eventStore = eventStore;
    }

    static ThrowawayEventStore start(int connections) throws Exception {
        PostgresServer postgres = PostgresServer.embedded(Path.of(""), true, 0);
        postgres.createMissingDatabases(List.of(StandalonePlatform.EVENT_STORE_DATABASE));
        HikariDataSource database = postgres.pool(StandalonePlatform.EVENT_STORE_DATABASE, connections, false);
        EventStoreFactory.migrate(database);
        return new ThrowawayEventStore(postgres, database,
                EventStoreFactory.eventStore(database, SimpleQueryBus.builder().build()));
    }

    HikariDataSource database() {
        return database;
    }

    EmbeddedEventStore eventStore() {
        return eventStore;
    }

    @Override
    public void close() throws Exception {
        eventStore.shutDown();
        database.close();
        postgres.close();
    }
}
