package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole standalone platform, started as the launcher starts it, on a throwaway embedded PostgreSQL. */
class StandalonePlatformIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    private static StandalonePlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = StandalonePlatform.start(new LaunchOptions(new LaunchOptions.ThrowawayEmbedded(), true));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyServiceIsUpOnItsOwnPortAndReportsHealthy() throws Exception {
        assertThat(platform.services()).extracting(StandalonePlatform.RunningService::name)
                .containsExactly("user-command", "booking-command", "payment-command", "saga-coordinator",
                        "booking-query");
        assertThat(platform.services()).extracting(StandalonePlatform.RunningService::port).doesNotHaveDuplicates();

        for (StandalonePlatform.RunningService service : platform.services()) {
            HttpResponse<String> health = get(service, "/actuator/health");

            assertThat(health.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("status").asText()).as(service.name()).isEqualTo("UP");
        }
    }

    @Test
    void aUserRegisteredWithTheUserServiceBecomesKnownToTheBookingService() throws Exception {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = post(service("user-command"), "/api/users", """
                {"email": "%s", "fullName": "Grace Hopper", "password": "cobol-1959"}""".formatted(email));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        UUID userId = UUID.fromString(json.readTree(registered.body()).path("userId").asText());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(knownUserEmail(userId)).contains(email));
    }

    @Test
    void theSameEmailAddressCannotBeRegisteredTwice() throws Exception {
        String body = """
                {"email": "twice-%s@example.com", "fullName": "Twice", "password": "password-1"}"""
                .formatted(UUID.randomUUID());

        assertThat(post(service("user-command"), "/api/users", body).statusCode()).isEqualTo(201);
        HttpResponse<String> second = post(service("user-command"), "/api/users", body);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    private static Optional<String> knownUserEmail(UUID userId) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + platform.postgresPort() + "/booking_db", "postgres", "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT email FROM known_user WHERE user_id = ? AND active")) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static StandalonePlatform.RunningService service(String name) {
        return platform.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> get(StandalonePlatform.RunningService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(StandalonePlatform.RunningService service, String path, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(StandalonePlatform.RunningService service, String path) {
        return URI.create("http://localhost:" + service.port() + path);
    }
}
