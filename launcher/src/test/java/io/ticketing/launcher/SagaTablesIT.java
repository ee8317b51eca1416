package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.User;
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
 * of pages on sale day. PostgreSQL plans a prepared statement once for all its later executions (its generic plan)
 * after a few of them: planned while a table is a page, a lookup by key reads the whole table, and goes on doing so
 * once the table has grown, until autovacuum analyses it again.
 */
@ExtendWith(SharedPlatform.class)
class SagaTablesIT {

    private static final List<String> TABLES = List.of("sagaentry", "associationvalueentry", "scheduled_tasks");
    private static final int ROWS_ADDED = 3_000;
    private static final int BOOKINGS = 20;
    /** Every row this test adds is of this saga type or deadline task, which nothing on the platform knows. */
    private static final String STRANGER = "saga-tables-it";

    @Test
    void theSagaFindsItsRowsByIndexInTablesThatGrewAfterItsStatementsWerePlanned(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        User user = client.newUser();
        UUID show = client.newShow(100, "10.00");
        try (Connection sagaDatabase = PlatformDatabases.connect(platform, "saga_db");
                Statement sql = sagaDatabase.createStatement()) {
            // Autovacuum would analyse the tables once they have grown, and the statements would be planned anew.
            forEachTable(sql, "ALTER TABLE %s SET (autovacuum_enabled = false)");
            try {
                forEachTable(sql, "VACUUM ANALYZE %s");
                // Enough executions of each of the saga's statements for PostgreSQL to plan it once for all, on tables
                // of a page.
                bookAndSettle(client, user, show, 30);
                addRows(sql);
                Map<String, Long> seqScansBefore = scans(sql, "seq_scan");
                Map<String, Long> allScansBefore = scans(sql, "seq_scan + coalesce(idx_scan, 0)");

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
                // Its due deadlines are looked for once a second, by a range of times that can take in the whole table.
                assertThat(seqScans.get("scheduled_tasks") - seqScansBefore.get("scheduled_tasks"))
                        .as("whole-table scans of the deadlines, while %d were scheduled and cancelled", BOOKINGS)
                        .isLessThan(BOOKINGS);
            } finally {
                sql.executeUpdate("DELETE FROM sagaentry WHERE sagatype = '" + STRANGER + "'");
                sql.executeUpdate("DELETE FROM associationvalueentry WHERE sagatype = '" + STRANGER + "'");
                sql.executeUpdate("DELETE FROM scheduled_tasks WHERE task_name = '" + STRANGER + "'");
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
    private static void addRows(Statement sql) throws Exception {
        String rows = " FROM generate_series(1, " + ROWS_ADDED + ") AS n";
        sql.executeUpdate("INSERT INTO sagaentry (sagaid, sagatype, serializedsaga) SELECT 'stranger-' || n, '"
                + STRANGER + "', convert_to(repeat('x', 300), 'UTF8')" + rows);
        sql.executeUpdate("INSERT INTO associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                + " SELECT 'bookingId', 'stranger-' || n, 'stranger-' || n, '" + STRANGER + "'" + rows);
        sql.executeUpdate("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " SELECT '" + STRANGER + "', 'stranger-' || n, now() + interval '1 year', false, 1" + rows);
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
