package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.User;
import io.ticketing.coordinator.saga.BookingSaga;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The saga's tables hold the sagas and deadlines in flight, so they are a page when the platform is quiet and dozens
 * of pages on sale day. Two plans go wrong on such tables:
 * <ul>
 * <li>PostgreSQL plans a prepared statement once for all its later executions (its generic plan) after a few of
 * them: planned while a table is a page, a lookup by key reads the whole table, and goes on doing so once the table
 * has grown, until autovacuum analyses it again.
 * <li>A vacuum that finds a table nearly empty after a busy hour records each index as all the pages it grew to,
 * holding a handful of rows. The planner then costs a lookup by key at dozens of index pages, and reads the whole
 * table instead, or scans another index for every row of the saga's type.
 * </ul>
 */
@ExtendWith(SharedPlatform.class)
class SagaTablesIT {

    private static final List<String> TABLES = List.of("sagaentry", "associationvalueentry", "scheduled_tasks");
    private static final int ROWS_ADDED = 3_000;
    /**
     * Rows left of a busy hour when autovacuum comes by: the latest sagas and deadlines, still in flight, at the end
     * of each table, so that the vacuum cannot cut the table short.
     */
    private static final int ROWS_IN_FLIGHT = 4;

    private static final int BOOKINGS = 20;
    /**
     * Every saga and deadline this test adds is of this saga type or deadline task, which nothing on the platform
     * knows. Its associations are the booking saga's, to values no event names: on sale day, the booking saga's
     * associations are the table's rows.
     */
    private static final String STRANGER = "saga-tables-it";

    @Test
    void theSagaFindsItsRowsByIndexInTablesThatGrewSinceTheyWereLastPlannedOrVacuumed(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        User user = client.newUser();
        UUID show = client.newShow(100, "10.00");
        try (Connection sagaDatabase = PlatformDatabases.connect(platform, "saga_db");
                Statement sql = sagaDatabase.createStatement()) {
            // Autovacuum would analyse the tables once they have grown, and the statements would be planned anew.
            forEachTable(sql, "ALTER TABLE %s SET (autovacuum_enabled = false)");
            try {
                // A busy hour, as autovacuum finds it: the tables and their indexes grown, and all but the latest rows
                // gone.
                addRows(sql, 1, ROWS_ADDED);
                removeRows(sql, ROWS_ADDED - ROWS_IN_FLIGHT);
                forEachTable(sql, "VACUUM ANALYZE %s");
                // Enough executions of each of the saga's statements for PostgreSQL to plan it once for all, on tables
                // of a handful of rows.
                bookAndSettle(client, user, show, 30);
                addRows(sql, 1, ROWS_ADDED - ROWS_IN_FLIGHT);
                Map<String, Long> seqScansBefore = scans(sql, "seq_scan");
                Map<String, Long> allScansBefore = scans(sql, "seq_scan + coalesce(idx_scan, 0)");
                IndexReads associationReadsBefore = indexReads(sql, "associationvalueentry");

                bookAndSettle(client, user, show, BOOKINGS);

                // A backend reports its scans within seconds of its transactions, not at once.
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(scans(sql, "seq_scan + coalesce(idx_scan, 0)"))
                                .allSatisfy(
                                        (table, scans) -> assertThat(scans).isGreaterThan(allScansBefore.get(table))));
                Map<String, Long> seqScans = scans(sql, "seq_scan");
                assertThat(seqScans.get("sagaentry") - seqScansBefore.get("sagaentry"))
                        .as("whole-table scans of the sagas")
                        .isZero();
                assertThat(seqScans.get("associationvalueentry") - seqScansBefore.get("associationvalueentry"))
                        .as("whole-table scans of the sagas' associations")
                        .isZero();
                IndexReads associationReads =
                        indexReads(sql, "associationvalueentry").since(associationReadsBefore);
                assertThat(associationReads.entries())
                        .as("index entries read by %d scans of the sagas' associations", associationReads.scans())
                        .isLessThan(associationReads.scans() * 3);
                // Its due deadlines are looked for once a second, by a range of times that can take in the whole table.
                assertThat(seqScans.get("scheduled_tasks") - seqScansBefore.get("scheduled_tasks"))
                        .as("whole-table scans of the deadlines, while %d were scheduled and cancelled", BOOKINGS)
                        .isLessThan(BOOKINGS);
            } finally {
                removeRows(sql, ROWS_ADDED);
                forEachTable(sql, "ALTER TABLE %s RESET (autovacuum_enabled)");
            }
        }
    }

    private static void bookAndSettle(PlatformClient client, User user, UUID show, int bookings) {
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < bookings; i++) {
            placed.add(client.book(user, show, 1, "tok_visa"));
        }
        placed.forEach(booking -> awaitBooking(client, user, booking, "CONFIRMED"));
    }

    /** Rows of sagas and deadlines of no interest to the platform, as many as a backlog of them would be. */
    private static void addRows(Statement sql, int first, int last) throws Exception {
        String rows = " FROM generate_series(" + first + ", " + last + ") AS n";
        sql.executeUpdate("INSERT INTO sagaentry (sagaid, sagatype, serializedsaga) SELECT 'stranger-' || n, '"
                + STRANGER + "', convert_to(repeat('x', 300), 'UTF8')" + rows);
        sql.executeUpdate("INSERT INTO associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                + " SELECT 'bookingId', 'stranger-' || n, 'stranger-' || n, '" + BookingSaga.class.getName() + "'"
                + rows);
        sql.executeUpdate("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " SELECT '" + STRANGER + "', 'stranger-' || n, now() + interval '1 year', false, 1" + rows);
    }

    /** Removes the first rows this test added, as sagas that end and deadlines that are cancelled. */
    private static void removeRows(Statement sql, int last) throws Exception {
        String rows = " IN (SELECT 'stranger-' || n FROM generate_series(1, " + last + ") AS n)";
        sql.executeUpdate("DELETE FROM sagaentry WHERE sagaid" + rows);
        sql.executeUpdate("DELETE FROM associationvalueentry WHERE sagaid" + rows);
        sql.executeUpdate("DELETE FROM scheduled_tasks WHERE task_name = '" + STRANGER + "' AND task_instance" + rows);
    }

    /** The scans of a table's indexes, and the index entries they read. */
    private record IndexReads(long scans, long entries) {

        IndexReads since(IndexReads before) {
            return new IndexReads(scans - before.scans, entries - before.entries);
        }
    }

    private static IndexReads indexReads(Statement sql, String table) throws Exception {
        try (ResultSet row = sql.executeQuery("SELECT sum(idx_scan), sum(idx_tup_read) FROM pg_stat_user_indexes"
                + " WHERE relname = '" + table + "'")) {
            row.next();
            return new IndexReads(row.getLong(1), row.getLong(2));
        }
    }

    private static Map<String, Long> scans(Statement sql, String counted) throws Exception {
        Map<String, Long> scans = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (ResultSet row = sql.executeQuery(
                    "SELECT " + counted + " FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
                row.next();
                scans.put(table, row.getLong(1));
            }
        }
        return scans;
    }

    private static void forEachTable(Statement sql, String statement) throws Exception {
        for (String table : TABLES) {
            sql.execute(statement.formatted(table));
        }
    }
}
