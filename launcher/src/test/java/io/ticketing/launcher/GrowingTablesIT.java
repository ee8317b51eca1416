package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.rebuildDashboards;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.client.PlatformClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tables that grow by a row or more a booking are analysed by autovacuum each time they grew by a tenth, which on
 * a young platform under load is often, from a sample of 300 rows per unit of their largest statistics target. Each
 * of their columns keeps a target of 10 (3,000 rows), a column added later included, or each analysis reads ten
 * times as many rows while bookings wait for the CPU it takes (docs/benchmarks.md, twenty-fourth round).
 */
@ExtendWith(SharedPlatform.class)
class GrowingTablesIT {

    private static final int LARGEST_TARGET = 10;

    private static final Map<String, List<String>> TABLES_BY_DATABASE = Map.of(
            "eventstore", List.of("domainevententry"),
            "saga_db", List.of("saga_instance"),
            "payment_db", List.of("payment_view", "booking_owner"),
            "query_db", List.of("booking_view"));

    @Test
    void everyColumnOfTheTablesThatGrowWithBookingsIsAnalysedFromASmallSample(StandalonePlatform platform)
            throws Exception {
        List<String> sampledLargely = new ArrayList<>();
        for (Map.Entry<String, List<String>> database : TABLES_BY_DATABASE.entrySet()) {
            try (Connection connection = PlatformDatabases.connect(platform, database.getKey())) {
                for (String table : database.getValue()) {
                    sampledLargely.addAll(columnsSampledLargely(connection, table));
                }
            }
        }
        assertThat(sampledLargely).isEmpty();
    }

    /** A rebuild replaces the dashboards' tables with tables it built aside, which must keep the targets. */
    @Test
    void aRebuildOfTheDashboardsKeepsTheirBookingsAnalysedFromASmallSample(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        rebuildDashboards(client, client.adminToken());

        try (Connection connection = PlatformDatabases.connect(platform, "query_db")) {
            assertThat(columnsSampledLargely(connection, "booking_view")).isEmpty();
        }
    }

    /** A target left unset is PostgreSQL's default_statistics_target (100): NULL, or -1 before PostgreSQL 17. */
    private static List<String> columnsSampledLargely(Connection connection, String table) throws Exception {
        try (PreparedStatement columns = connection.prepareStatement("""
                SELECT attname FROM pg_attribute
                WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped
                  AND coalesce(attstattarget, -1) NOT BETWEEN 0 AND ?""")) {
            columns.setString(1, table);
            columns.setInt(2, LARGEST_TARGET);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    names.add(table + "." + rows.getString(1));
                }
            }
            return names;
        }
    }
}
