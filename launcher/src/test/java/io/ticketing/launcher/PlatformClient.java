package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's HTTP API as a client uses it, by service name and base URL. Answers come back as JSON trees so that
 * tests read them the way any client would.
 */
final class PlatformClient {

    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    private final Map<String, String> baseUrls;

    PlatformClient(Map<String, String> baseUrls) {
        this.baseUrls = baseUrls;
    }

    static PlatformClient onLocalPorts(Map<String, Integer> ports) {
        return new PlatformClient(ports.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, service -> "http://localhost:" + service.getValue())));
    }

    record Response(int status, JsonNode body, String contentType, HttpHeaders headers) {
    }

    /** A user who has registered and logged in. */
    record User(UUID id, String token) {
    }

    String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    User newUser() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Response registered = post("user-command", "/api/users", null, Map.of(
                "email", email, "fullName", "Test User", "password", "password-1234"));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return new User(UUID.fromString(registered.body().path("userId").asText()),
                login(email, "password-1234"));
    }

    String login(String email, String password) {
        Response token = post("user-command", "/api/auth/token", null, Map.of("email", email, "password", password));
        assertThat(token.status()).as(token.body().toString()).isEqualTo(200);
        return token.body().path("accessToken").asText();
    }

    UUID newShow(int capacity, String ticketPrice) {
        Response created = post("booking-command", "/api/shows", adminToken(), Map.of(
                "name", "Show " + UUID.randomUUID(), "venue", "Test Hall", "startsAt", "2030-01-01T20:00:00Z",
                "capacity", capacity, "ticketPrice", Map.of("amount", ticketPrice, "currency", "EUR")));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(created.body().path("showId").asText());
    }

    /**
     * Places a booking, in one request: for a user registered a moment ago, the booking service waits until it has
     * heard of them.
     */
    UUID book(User user, UUID showId, int tickets, String paymentToken) {
        Response placed = post("booking-command", "/api/bookings", user.token(), Map.of("showId", showId,
                "tickets", tickets, "paymentToken", paymentToken));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        return UUID.fromString(placed.body().path("bookingId").asText());
    }

    /** Waits until the booking's read model shows {@code status}, and returns it. */
    JsonNode awaitBooking(User user, UUID bookingId, String status) {
        return awaitBookingIn(user, bookingId, Duration.ofSeconds(30), status);
    }

    /** Waits until the booking is CONFIRMED or REJECTED, and says which. */
    String awaitSettled(User user, UUID bookingId) {
        return awaitBookingIn(user, bookingId, Duration.ofSeconds(60), "CONFIRMED", "REJECTED")
                .path("status").asText();
    }

    private JsonNode awaitBookingIn(User user, UUID bookingId, Duration patience, String... statuses) {
        AtomicReference<JsonNode> booking = new AtomicReference<>();
        await().atMost(patience).untilAsserted(() -> {
            Response found = get("booking-query", "/api/bookings/" + bookingId, user.token());
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().path("status").asText()).isIn((Object[]) statuses);
            booking.set(found.body());
        });
        return booking.get();
    }

    JsonNode showStats(UUID showId, String token) {
        Response stats = get("booking-query", "/api/shows/" + showId + "/stats", token);
        assertThat(stats.status()).as(stats.body().toString()).isEqualTo(200);
        return stats.body();
    }

    /** The booking-query processor's row of {@code GET /api/admin/projections}: its lag and any rebuild. */
    JsonNode projection(String processingGroup, String adminToken) {
        for (JsonNode processor : get("booking-query", "/api/admin/projections", adminToken).body()) {
            if (processor.path("name").asText().equals(processingGroup)) {
                return processor;
            }
        }
        throw new AssertionError("booking-query has no processor " + processingGroup);
    }

    JsonNode payments(User user, UUID bookingId) {
        Response payments = get("payment-command", "/api/payments?bookingId=" + bookingId, user.token());
        assertThat(payments.status()).as(payments.body().toString()).isEqualTo(200);
        return payments.body();
    }

    String baseUrl(String service) {
        return baseUrls.get(service);
    }

    /** The names of the services this client calls. */
    Set<String> services() {
        return baseUrls.keySet();
    }

    /** A GET whose answer is not JSON, such as Prometheus metrics: its status and text. */
    HttpResponse<String> getText(String service, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + service + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    Response get(String service, String path, String token) {
        return send(service, "GET", path, token, null, Map.of());
    }

    Response post(String service, String path, String token, Object body) {
        return send(service, "POST", path, token, body, Map.of());
    }

    Response send(String service, String method, String path, String token, Object body,
                  Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Response(response.statusCode(), parsed,
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + service + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
