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
class DatabaseActivityTest {

    private static final int TRANSACTIONS = 50;
    /** The readings' own, and whatever the server's background does meanwhile. */
    private static final int OTHER_TRANSACTIONS_AT_MOST = 10;

    private static EmbeddedPostgres postgres;
    private static DatabaseActivity activity;

    @BeforeAll
    static void startDurableServer() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        activity = DatabaseActivity.of(postgres.getPostgresDatabase());
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE row_a_transaction (id serial PRIMARY KEY, payload text NOT NULL)");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    @Test
    void everyDurableCommitIsATransactionAndAFlushAndItsRowIsInTheBytes() throws Exception {
        DatabaseActivity.Reading done = doneBy("on", true);

        assertThat(done.transactions())
                .isBetween((long) TRANSACTIONS, (long) TRANSACTIONS + OTHER_TRANSACTIONS_AT_MOST);
        assertThat(done.walFlushes()).isGreaterThanOrEqualTo(TRANSACTIONS);
        assertThat(done.walBytes()).isGreaterThan(TRANSACTIONS * 200L);
    }

    @Test
    void commitsThatDoNotWaitForTheDiskShareTheWalWritersFlushes() throws Exception {
        DatabaseActivity.Reading done = doneBy("off", true);

        assertThat(done.transactions()).isGreaterThanOrEqualTo(TRANSACTIONS);
        assertThat(done.walFlushes()).isLessThan(TRANSACTIONS / 5);
        assertThat(done.walBytes()).isGreaterThan(TRANSACTIONS * 200L);
    }

    @Test
    void aTransactionRolledBackCountsAsOneButFlushesNothing() throws Exception {
        DatabaseActivity.Reading done = doneBy("on", false);

        assertThat(done.transactions())
                .isBetween((long) TRANSACTIONS, (long) TRANSACTIONS + OTHER_TRANSACTIONS_AT_MOST);
        assertThat(done.walFlushes()).isLessThan(TRANSACTIONS / 5);
    }

    @Test
    void withNoServerThereIsNoReading() throws Exception {
        assertThat(DatabaseActivity.none().read()).isEmpty();
        assertThat(DatabaseActivity.none().readOnceReported()).isEmpty();
    }

    /**
     * A row of 200 characters in each of {@link #TRANSACTIONS} transactions, with {@code synchronous_commit} as given,
     * read while the connection stays open, as a pool's do. The reading before needs no wait: the earlier tests'
     * connections have closed, and a backend that ends reports its counts at once.
     */
    private static DatabaseActivity.Reading doneBy(String synchronousCommit, boolean commit) throws Exception {
        var before = activity.read();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO row_a_transaction (payload) VALUES (repeat('x', 200))")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit TO " + synchronousCommit);
            }
            connection.setAutoCommit(false);
            for (int i = 0; i < TRANSACTIONS; i++) {
                insert.executeUpdate();
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            }
            return DatabaseActivity.Reading.between(before, activity.readOnceReported())
                    .orElseThrow();
        }
    }
}
