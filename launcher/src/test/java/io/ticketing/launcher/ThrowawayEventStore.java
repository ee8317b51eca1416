package io.ticketing.launcher;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The standalone mode's event store on an embedded PostgreSQL of its own, for tests of the store itself: registered
 * as a static extension, it starts before the class's tests and stops after them.
 */
final class ThrowawayEventStore implements BeforeAllCallback, AfterAllCallback {

    private final int connections;
    private PostgresServer postgres;
    private HikariDataSource database;
    private ShortWindowEventStore eventStore;

    ThrowawayEventStore(int connections) {
        this.connections = connections;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = PostgresServer.embedded(Path.of(""), true, 0);
        postgres.createMissingDatabases(List.of(StandalonePlatform.EVENT_STORE_DATABASE));
        database = postgres.pool(StandalonePlatform.EVENT_STORE_DATABASE, connections, false);
        EventStoreFactory.migrate(database);
        eventStore =
                EventStoreFactory.eventStore(database, SimpleQueryBus.builder().build());
    }

    HikariDataSource database() {
        return database;
    }

    ShortWindowEventStore eventStore() {
        return eventStore;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        eventStore.shutDown();
        database.close();
        postgres.close();
    }
}
