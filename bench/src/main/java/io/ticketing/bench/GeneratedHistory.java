package io.ticketing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.postgresql.util.PGInterval;

/**
 * Scenario 3's event store: a history of users, shows and bookings written straight into the stopped platform's
 * event store by one {@code INSERT ... SELECT} over {@code generate_series} ({@code generated-history.sql}), then
 * every processor's token moved past it. The history is there to be replayed and read: the live processors (the
 * sagas and the payment gateway above all) must never act on it, as they would on new events.
 */
final class GeneratedHistory {

    /**
     * @param bookings     how many bookings the history holds: the rebuilt dashboards must count them all
     * @param largestShow  the aggregate with the longest stream, for scenario 4
     * @param largestShowEvents how many events that stream has
     */
    record Figures(
            long events,
            long bookings,
            double seconds,
            double eventsPerSecond,
            String largestShow,
            long largestShowEvents) {}

    private static final int USERS = 1000;
    private static final int SHOWS = 50;
    /** A booking makes 5 events, and 6 when its payment is declined, which one in ten is. */
    private static final double EVENTS_PER_BOOKING = 5.1;

    private static final Duration SPAN = Duration.ofDays(30);

    private final UnaryOperator<String> databaseUrl;

    /** @param databaseUrl the JDBC URL of a database of the platform's server, by name */
    GeneratedHistory(UnaryOperator<String> databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    Figures generate(int events) throws Exception {
        int bookings = (int) ((events - 2 * USERS - SHOWS) / EVENTS_PER_BOOKING);
        if (bookings < SHOWS) {
            throw new IllegalArgumentException("A history needs more than " + (2 * USERS + SHOWS * 6) + " events");
        }
        long started = System.nanoTime();
        long inserted;
        try (Connection connection = connect("eventstore")) {
            long before = head(connection);
            Thread progress = reportProgress(before, events);
            try {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    // One sort of a million rows for the sequence numbers, another for the global order: in memory.
                    statement.execute("SET LOCAL work_mem = '512MB'");
                }
                try (PreparedStatement insert = connection.prepareStatement(sql())) {
                    insert.setInt(1, USERS);
                    insert.setInt(2, SHOWS);
                    insert.setInt(3, bookings);
                    insert.setTimestamp(4, Timestamp.from(Instant.now().minus(SPAN)));
                    insert.setObject(5, new PGInterval(0, 0, 0, 0, 0, SPAN.toSeconds() / (double) bookings));
                    inserted = insert.executeUpdate();
                }
                connection.commit();
            } finally {
                progress.interrupt();
            }
            moveEveryProcessorTo(connection, head(connection));
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement statement = connection.createStatement();
                    ResultSet longest = statement.executeQuery(
                            "SELECT aggregateidentifier, count(*) FROM domainevententry WHERE type = 'Show' "
                                    + "GROUP BY aggregateidentifier ORDER BY count(*) DESC LIMIT 1")) {
                longest.next();
                return new Figures(
                        inserted, bookings, seconds, inserted / seconds, longest.getString(1), longest.getLong(2));
            }
        }
    }

    /**
     * Every tracking token in every database that has them, set to the stream's head: the history is in the past
     * for all. The databases are found on the server rather than listed here, so a new service needs no change.
     */
    private void moveEveryProcessorTo(Connection eventStore, long head) throws SQLException {
        for (String database : databasesWithTokens(eventStore)) {
            try (Connection connection = connect(database);
                    PreparedStatement move = connection.prepareStatement(
                            "UPDATE tokenentry SET token = convert_to(?, 'UTF8'), "
                                    + "tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken', owner = NULL")) {
                move.setString(1, "{\"index\":" + head + ",\"gaps\":[]}");
                move.executeUpdate();
            }
        }
    }

    private List<String> databasesWithTokens(Connection eventStore) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (Statement statement = eventStore.createStatement();
                ResultSet databases = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate")) {
            while (databases.next()) {
                candidates.add(databases.getString(1));
            }
        }
        List<String> withTokens = new ArrayList<>();
        for (String database : candidates) {
            try (Connection connection = connect(database);
                    Statement statement = connection.createStatement();
                    ResultSet table = statement.executeQuery("SELECT to_regclass('tokenentry') IS NOT NULL")) {
                table.next();
                if (table.getBoolean(1)) {
                    withTokens.add(database);
                }
            }
        }
        return withTokens;
    }

    /** The identity sequence moves as rows are inserted, before they commit: a progress line a second. */
    private Thread reportProgress(long before, int events) {
        Thread progress = new Thread(
                () -> {
                    try (Connection connection = connect("eventstore");
                            PreparedStatement position = connection.prepareStatement(
                                    "SELECT last_value FROM domainevententry_globalindex_seq")) {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(1000);
                            try (ResultSet row = position.executeQuery()) {
                                row.next();
                                Benchmark.progress("  generated %d/%d events", row.getLong(1) - before, events);
                            }
                        }
                    } catch (InterruptedException | SQLException done) {
                        // Generation is over.
                    }
                },
                "bench-generation-progress");
        progress.setDaemon(true);
        progress.start();
        return progress;
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            head.next();
            return head.getLong(1);
        }
    }

    private static String sql() throws IOException {
        try (InputStream sql = GeneratedHistory.class.getResourceAsStream("/generated-history.sql")) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(databaseUrl.apply(database));
    }
}
