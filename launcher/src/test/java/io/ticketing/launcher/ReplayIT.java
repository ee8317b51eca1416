package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static io.ticketing.launcher.TestClients.awaitDashboardsRebuilt;
import static io.ticketing.launcher.TestClients.awaitSeatsLeft;
import static io.ticketing.launcher.TestClients.rebuildDashboards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract of a replay: after a mixed workload, rebuilding every booking-query projection from the first event
 * yields tables equal, row for row, to the ones before it, the bookings' change cursors aside (see {@link
 * #CHANGE_CURSOR}); and the live processor carries on after the swap.
 */
@ExtendWith(SharedPlatform.class)
class ReplayIT {

    /** Each table with the key that orders its rows. */
    private static final Map<String, String> TABLES = Map.of(
            "booking_view",
            "booking_id",
            "show_view",
            "show_id",
            "user_contact",
            "user_id",
            "daily_booking_counts",
            "day",
            "daily_revenue",
            "day, currency");

    /**
     * A booking's change cursor is the processor's position when the row last changed. Live, an event committed late,
     * behind a gap, is stamped with the higher position the processor had already passed, so a watcher that has read
     * up to there still sees the change; a rebuild reads the settled stream in order and stamps each event's own
     * position. So a rebuilt cursor may be lower than the live one, never higher.
     */
    private static final String CHANGE_CURSOR = "last_event_position";

    @Test
    void aRebuildYieldsTheSameTablesRowForRowAndTheLiveProcessorCarriesOn(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        String admin = client.adminToken();
        burnStreamPositions(platform, 50);
        User user = client.newUser();
        UUID show = client.newShow(20, "15.00");
        UUID confirmed = client.book(user, show, 2, "tok_visa");
        UUID declined = client.book(user, show, 1, "tok_declined");
        UUID timedOut = client.book(user, show, 1, "tok_timeout");
        UUID refunded = client.book(user, show, 3, "tok_visa");
        awaitBooking(client, user, refunded, "CONFIRMED");
        client.post("booking-command", "/api/bookings/" + refunded + "/cancel", user.token(), null);
        awaitBooking(client, user, confirmed, "CONFIRMED");
        awaitBooking(client, user, declined, "REJECTED");
        awaitBooking(client, user, timedOut, "REJECTED");
        awaitBooking(client, user, refunded, "REFUNDED");
        // A rejected or refunded booking may release its seats after its status changed: the last events to wait for.
        awaitSeatsLeft(client, admin, show, 18);
        awaitCaughtUp(client, admin);
        Map<String, List<Map<String, Object>>> before = snapshot(platform);

        Response started = client.post("booking-query", "/api/admin/projections/dashboards/replay", admin, null);

        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        // Meanwhile the dashboards answer from the tables they had.
        assertThat(client.get("booking-query", "/api/bookings/" + confirmed, admin)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        awaitDashboardsRebuilt(client, admin);
        JsonNode rebuild = client.projection("dashboards", admin).path("rebuild");
        assertThat(rebuild.path("percent").asInt()).isEqualTo(100);
        assertThat(rebuild.path("eventsApplied").asLong())
                .as("the events up to the rebuild's position, the burnt positions not among them")
                .isEqualTo(eventsUpTo(platform, rebuild.path("position").asLong()));
        Map<String, List<Map<String, Object>>> rebuilt = snapshot(platform);
        assertThat(withoutChangeCursors(rebuilt)).isEqualTo(withoutChangeCursors(before));
        Map<Object, Long> liveCursors = changeCursors(before);
        assertThat(changeCursors(rebuilt))
                .hasSameSizeAs(liveCursors)
                .allSatisfy((booking, cursor) -> assertThat(cursor).isLessThanOrEqualTo(liveCursors.get(booking)));

        UUID afterwards = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, afterwards, "CONFIRMED");
        assertThat(client.post("booking-query", "/api/admin/projections/unknown/replay", admin, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRebuildTakesTheLiveProcessorOverFromAnotherInstanceHoldingIt(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        String admin = client.adminToken();
        User user = client.newUser();
        UUID show = client.newShow(5, "15.00");
        awaitBooking(client, user, client.book(user, show, 1, "tok_visa"), "CONFIRMED");
        awaitCaughtUp(client, admin);
        // As a second booking-query instance would: this one stops processing, the other holds the claim.
        ServiceProcessors.processor(platform, "booking-query", "dashboards").shutDown();
        try (Connection connection = queryDatabase(platform);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE tokenentry SET owner = 'another-booking-query', timestamp = '"
                    + Instant.now() + "' WHERE processorname = 'dashboards'");
        }

        rebuildDashboards(client, admin);

        UUID afterwards = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, afterwards, "CONFIRMED");
    }

    private static Connection queryDatabase(StandalonePlatform platform) throws Exception {
        return PlatformDatabases.connect(platform, "query_db");
    }

    /** As appends that roll back do: the positions they took stay unused, gaps in the stream. */
    private static void burnStreamPositions(StandalonePlatform platform, int count) throws Exception {
        try (Connection connection = PlatformDatabases.connect(platform, "eventstore");
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))"
                    + " FROM generate_series(1, " + count + ")");
        }
    }

    private static long eventsUpTo(StandalonePlatform platform, long position) throws Exception {
        try (Connection connection = PlatformDatabases.connect(platform, "eventstore");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT count(*) FROM domainevententry WHERE globalindex <= " + position)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void awaitCaughtUp(PlatformClient client, String admin) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.projection("dashboards", admin)
                                .path("lag")
                                .asLong())
                        .isZero());
    }

    private static Map<String, List<Map<String, Object>>> withoutChangeCursors(
            Map<String, List<Map<String, Object>>> tables) {
        Map<String, List<Map<String, Object>>> stripped = new LinkedHashMap<>();
        tables.forEach((table, rows) -> stripped.put(
                table,
                rows.stream()
                        .map(row -> {
                            Map<String, Object> copy = new LinkedHashMap<>(row);
                            copy.remove(CHANGE_CURSOR);
                            return copy;
                        })
                        .toList()));
        return stripped;
    }

    private static Map<Object, Long> changeCursors(Map<String, List<Map<String, Object>>> tables) {
        Map<Object, Long> cursors = new LinkedHashMap<>();
        tables.get("booking_view").forEach(row -> cursors.put(row.get("booking_id"), (Long) row.get(CHANGE_CURSOR)));
        return cursors;
    }

    private static Map<String, List<Map<String, Object>>> snapshot(StandalonePlatform platform) throws Exception {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = queryDatabase(platform);
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet result =
                        statement.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue())) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.put(columns.getColumnName(column), result.getObject(column));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return tables;
    }
}
