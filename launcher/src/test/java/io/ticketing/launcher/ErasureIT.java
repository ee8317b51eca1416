package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static io.ticketing.launcher.TestClients.rebuildDashboards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's right to erasure (GDPR art. 17) against an append-only event store: their personal data is stored only
 * encrypted, and once their key is destroyed nothing shows it again, a full replay included, while their bookings
 * and the revenue stay.
 */
@ExtendWith(SharedPlatform.class)
class ErasureIT {

    private static final String PASSWORD = "erasable-secret-42";

    @Test
    void anErasedUsersPersonalDataIsGoneEverywhereAndTheirBookingsStay(
            StandalonePlatform platform, PlatformClient client) throws Exception {
        String admin = client.adminToken();
        String email = "erasable-" + UUID.randomUUID() + "@example.com";
        String fullName = "Erasable Person " + Long.toHexString(System.nanoTime());
        Response registered = client.post(
                "user-command", "/api/users", null, Map.of("email", email, "fullName", fullName, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        User user = new User(UUID.fromString(registered.body().path("userId").asText()), client.login(email, PASSWORD));
        UUID show = client.newShow(10, "20.00");
        UUID booking = client.book(user, show, 2, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");
        assertThat(client.get("booking-query", "/api/bookings/" + booking, admin)
                        .body()
                        .path("userEmail")
                        .asText())
                .isEqualTo(email);
        assertThat(eventStoreRowsContaining(platform, email))
                .as("personal data is stored encrypted")
                .isZero();
        assertThat(eventStoreRowsContaining(platform, fullName)).isZero();
        JsonNode showBefore = client.showStats(show, admin);

        Response erased =
                client.send("user-command", "DELETE", "/api/users/" + user.id(), user.token(), null, Map.of());

        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(204);
        assertThat(client.post("user-command", "/api/auth/token", null, Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = client.get("booking-query", "/api/bookings/" + booking, admin)
                    .body();
            assertThat(view.path("userEmail").asText()).isEqualTo("[erased]");
            assertThat(view.path("status").asText()).isEqualTo("CONFIRMED");
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                client.get("booking-query", "/api/audit/users/" + user.id() + "/events", admin)
                                        .body()
                                        .toString())
                        .contains("[erased]")
                        .doesNotContain(email, fullName));
        assertThat(client.showStats(show, admin)).as("seats and revenue stay").isEqualTo(showBefore);

        rebuildDashboards(client, admin);
        JsonNode rebuilt =
                client.get("booking-query", "/api/bookings/" + booking, admin).body();
        assertThat(rebuilt.path("userEmail").asText()).isEqualTo("[erased]");
        assertThat(rebuilt.path("status").asText()).isEqualTo("CONFIRMED");

        assertThat(client.post(
                                "user-command",
                                "/api/users",
                                null,
                                Map.of("email", email, "fullName", "Someone New", "password", PASSWORD))
                        .status())
                .as("the address is free again")
                .isEqualTo(201);
    }

    private static long eventStoreRowsContaining(StandalonePlatform platform, String text) throws Exception {
        try (Connection connection = PlatformDatabases.connect(platform, StandalonePlatform.EVENT_STORE_DATABASE);
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM domainevententry WHERE position(? IN convert_from(payload, 'UTF8')) > 0")) {
            count.setString(1, text);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
