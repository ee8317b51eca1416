package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a durable server, as the benchmark's own: with fsync off, PostgreSQL flushes nothing and counts nothing. */
class WriteAheadLogTest {

    private static final int COMMITS = 50;

    private static EmbeddedPostgres postgres;
    private static WriteAheadLog wal;

    @BeforeAll
    static void startDurableServer() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        wal = WriteAheadLog.of(postgres.getPostgresDatabase());
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE row_a_commit (id serial PRIMARY KEY, payload text NOT NULL)");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    @Test
    void everyDurableCommitIsAFlushAndItsRowIsInTheBytes() throws Exception {
        WriteAheadLog.Reading written = writtenBy(COMMITS, "on");

        assertThat(written.flushes()).isGreaterThanOrEqualTo(COMMITS);
        assertThat(written.bytes()).isGreaterThan(COMMITS * 200L);
    }

    @Test
    void commitsThatDoNotWaitForTheDiskShareTheWalWritersFlushes() throws Exception {
        WriteAheadLog.Reading written = writtenBy(COMMITS, "off");

        assertThat(written.flushes()).isLessThan(COMMITS / 5);
        assertThat(written.bytes()).isGreaterThan(COMMITS * 200L);
    }

    @Test
    void withNoServerThereIsNoReading() throws Exception {
        assertThat(WriteAheadLog.none().read()).isEmpty();
        assertThat(WriteAheadLog.none().readOnceReported()).isEmpty();
    }

    /**
     * A row of 200 characters in each of {@code commits} transactions, with {@code synchronous_commit} as given, read
     * while the connection stays open, as a pool's do: a backend that ends reports its counts at once.
     */
    private static WriteAheadLog.Reading writtenBy(int commits, String synchronousCommit) throws Exception {
        var before = wal.readOnceReported();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO row_a_commit (payload) VALUES (repeat('x', 200))")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit TO " + synchronousCommit);
            }
            for (int i = 0; i < commits; i++) {
                insert.executeUpdate();
            }
            return WriteAheadLog.Reading.between(before, wal.readOnceReported()).orElseThrow();
        }
    }
}
