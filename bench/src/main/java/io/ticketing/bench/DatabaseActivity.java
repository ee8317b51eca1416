package io.ticketing.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a PostgreSQL server has done so far, as it counts it: the transactions its databases ended, and what it wrote
 * to its write-ahead log, the bytes and how often the log was flushed to disk. Unlike CPU time, these are counts: they
 * do not move with how busy the machine is in a given hour.
 * <p>
 * Much of the server's CPU goes around the statements rather than into them, to their transactions and commits, so
 * transactions per booking follow it; a processor that takes its events in smaller batches shows here first. A
 * durable commit waits for a flush, and one flush serves every commit waiting at the time, so flushes per booking say
 * how many of a booking's commits the disk paid for.
 */
final class DatabaseActivity {

    /**
     * How long the server's processes may keep their counts before they report them. A backend reports at most once a
     * second, at the end of a transaction; one that falls idle within that second keeps its counts until its idle
     * check ten seconds later ({@code PGSTAT_MIN_INTERVAL} and {@code PGSTAT_IDLE_INTERVAL} in pgstat.c). A pool's
     * connections stay open, so the last second of a phase is reported only then.
     */
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(11);

    /** Null where there is no server of the bench's own to read: against services that run elsewhere. */
    private final DataSource server;

    private DatabaseActivity(DataSource server) {
        this.server = server;
    }

    /** @param server any database of the server: the counts are the whole server's */
    static DatabaseActivity of(DataSource server) {
        return new DatabaseActivity(server);
    }

    static DatabaseActivity none() {
        return new DatabaseActivity(null);
    }

    /**
     * @param transactions committed and rolled back, in every database ({@code pg_stat_database}), as the server's
     *                     processes have reported them
     * @param walBytes     how far the log's insert position has moved: exact, at the moment of reading
     * @param walFlushes   how often the log was flushed to disk ({@code pg_stat_wal.wal_sync}), as reported; zero
     *                     when the server runs with {@code fsync} off
     */
    record Reading(long transactions, long walBytes, long walFlushes) {

        /** What was done between two readings, if both could be taken. */
        static Optional<Reading> between(Optional<Reading> start, Optional<Reading> end) {
            return end.flatMap(last -> start.map(first -> new Reading(
                    last.transactions - first.transactions,
                    last.walBytes - first.walBytes,
                    last.walFlushes - first.walFlushes)));
        }
    }

    /** @return empty with no server to read */
    Optional<Reading> read() throws SQLException {
        if (server == null) {
            return Optional.empty();
        }
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("""
                        SELECT (SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database)::bigint,
                               pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint,
                               wal_sync
                        FROM pg_stat_wal""")) {
            counts.next();
            return Optional.of(new Reading(counts.getLong(1), counts.getLong(2), counts.getLong(3)));
        }
    }

    /**
     * Reads once everything until now has been reported: the reading that ends a measurement, so that its last
     * transactions and flushes count in it and not in the next one. Returns at once with no server to read.
     */
    Optional<Reading> readOnceReported() throws SQLException, InterruptedException {
        if (server != null) {
            Thread.sleep(REPORTED_WITHIN.toMillis());
        }
        return read();
    }
}
