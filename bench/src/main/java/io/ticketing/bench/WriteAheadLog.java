package io.ticketing.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a PostgreSQL server has written to its write-ahead log so far: the bytes, and how often the log was flushed
 * to disk. A durable commit waits for a flush, and one flush serves every commit that waits for it at the time, so
 * flushes per booking say how many of a booking's commits the disk paid for. Unlike CPU time, these are counts: they
 * do not move with how busy the machine is in a given hour.
 */
final class WriteAheadLog {

    /**
     * How long the server's processes may keep their flush counts before they report them. A backend reports at most
     * once a second, at the end of a transaction; one that falls idle within that second keeps its counts until its
     * idle check ten seconds later ({@code PGSTAT_MIN_INTERVAL} and {@code PGSTAT_IDLE_INTERVAL} in pgstat.c). A pool's
     * connections stay open, so the last second of a phase is reported only then.
     */
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(11);

    /** With nothing to read, as against services that run elsewhere. */
    private final DataSource server;

    private WriteAheadLog(DataSource server) {
        this.server = server;
    }

    /** @param server any database of the server: the log is the whole server's */
    static WriteAheadLog of(DataSource server) {
        return new WriteAheadLog(server);
    }

    static WriteAheadLog none() {
        return new WriteAheadLog(null);
    }

    /**
     * @param bytes   how far the log's insert position has moved: exact, at the moment of reading
     * @param flushes how often it was flushed to disk ({@code pg_stat_wal.wal_sync}), as the server's processes
     *                have reported them; zero when the server runs with {@code fsync} off
     */
    record Reading(long bytes, long flushes) {

        /** What was written between two readings, if both could be taken. */
        static Optional<Reading> between(Optional<Reading> start, Optional<Reading> end) {
            return end.flatMap(
                    last -> start.map(first -> new Reading(last.bytes - first.bytes, last.flushes - first.flushes)));
        }
    }

    /** @return empty with no server to read */
    Optional<Reading> read() throws SQLException {
        if (server == null) {
            return Optional.empty();
        }
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement();
                ResultSet log = statement.executeQuery(
                        "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint, wal_sync FROM pg_stat_wal")) {
            log.next();
            return Optional.of(new Reading(log.getLong(1), log.getLong(2)));
        }
    }

    /**
     * Reads once every flush until now has been reported: the reading that ends a measurement, so that its last
     * flushes count in it and not in the next one. Returns at once with no server to read.
     */
    Optional<Reading> readOnceReported() throws SQLException, InterruptedException {
        if (server == null) {
            return Optional.empty();
        }
        Thread.sleep(REPORTED_WITHIN.toMillis());
        return read();
    }
}
