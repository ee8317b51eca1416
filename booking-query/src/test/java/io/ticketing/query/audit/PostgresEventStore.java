package io.ticketing.query.audit;

import io.ticketing.support.messaging.MessageSerialization;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Axon's JDBC event store on a PostgreSQL of its own, in the schema the platform's event store has
 * ({@code db/eventstore}), with the platform's serializer: registered as a static extension, it starts before the
 * class's tests and stops after them.
 */
final class PostgresEventStore implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private EmbeddedEventStore eventStore;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.start();
        DataSource database = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/eventstore")
                .load()
                .migrate();
        Serializer serializer = MessageSerialization.jacksonSerializer();
        eventStore = EmbeddedEventStore.builder()
                .storageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(database))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build())
                .build();
    }

    EventStore eventStore() {
        return eventStore;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        eventStore.shutDown();
        postgres.close();
    }
}
