package io.ticketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The few calls of the platform's HTTP API that the benchmarks drive. */
final class BookingApi {

    static final String ADMIN_EMAIL = "bench-admin@example.com";
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private final Map<String, String> baseUrls;
    private final String adminEmail;
    private final String adminPassword;
    /** Daemon threads: the live stream's connection must not keep the harness alive once its figures are out. */
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "bench-http");
        thread.setDaemon(true);
        return thread;
    })).build();
    private final ObjectMapper json = new ObjectMapper();

    BookingApi(Map<String, String> baseUrls, String adminEmail, String adminPassword) {
        this.baseUrls = baseUrls;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    String adminToken() throws Exception {
        return login(adminEmail, adminPassword);
    }

    String login(String email, String password) throws Exception {
        return call("user-command", "POST", "/api/auth/token", null, Map.of("email", email, "password", password), Map.of(), 200)
                .path("accessToken").asText();
    }

    /** Registers a user and waits until the booking service knows them, so that bookings are not refused. */
    String newUser() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        call("user-command", "POST", "/api/users", null, Map.of("email", email, "fullName", "Bench",
                "password", "bench-password"), Map.of(), 201);
        return login(email, "bench-password");
    }

    UUID newShow(String adminToken, int capacity) throws Exception {
        return UUID.fromString(call("booking-command", "POST", "/api/shows", adminToken, Map.of(
                "name", "Bench " + UUID.randomUUID(), "venue", "Bench Hall", "startsAt", "2030-01-01T20:00:00Z",
                "capacity", capacity, "ticketPrice", Map.of("amount", "10.00", "currency", "EUR")), Map.of(), 201)
                .path("showId").asText());
    }

    /**
     * How {@code POST /api/bookings} was answered.
     *
     * @param retryAfter how long a 503 asks to wait before the booking is sent again; a second if it does not say
     */
    /** @param status the HTTP status, or {@link #UNANSWERED} when no answer came within the request timeout */
    record Placement(int status, Duration retryAfter) {
    }

    static final int UNANSWERED = 0;

    Placement book(String token, UUID bookingId, UUID showId, String paymentToken) throws Exception {
        HttpResponse<String> response;
        try {
            response = send("booking-command", "POST", "/api/bookings", token, Map.of("bookingId", bookingId,
                    "showId", showId, "tickets", 1, "paymentToken", paymentToken), Map.of());
        } catch (HttpTimeoutException unanswered) {
            // An overloaded platform may hold a placement for longer than a customer waits: an outcome, not a crash.
            return new Placement(UNANSWERED, Duration.ZERO);
        }
        // The platform gives seconds; the HTTP-date form, which it does not send, falls back to a second.
        Duration retryAfter = response.headers().firstValue("Retry-After").filter(value -> value.matches("\\d+"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).orElse(Duration.ofSeconds(1));
        return new Placement(response.statusCode(), retryAfter);
    }

    JsonNode get(String service, String path, String token) throws Exception {
        return call(service, "GET", path, token, null, Map.of(), 200);
    }

    JsonNode post(String service, String path, String token, int expected) throws Exception {
        return call(service, "POST", path, token, null, Map.of(), expected);
    }

    /**
     * Reads a long answer as it streams in, and counts its non-empty lines (NDJSON: its objects), with a progress
     * line every 100,000.
     */
    long countLines(String service, String path, String token) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request(service, "GET", path, token, null)
                .timeout(Duration.ofMinutes(15)).build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        try (Stream<String> lines = response.body()) {
            AtomicLong counted = new AtomicLong();
            lines.filter(line -> !line.isEmpty()).forEach(line -> {
                if (counted.incrementAndGet() % 100_000 == 0) {
                    Benchmark.progress("  read %d lines of %s", counted.get(), path);
                }
            });
            return counted.get();
        }
    }

    /** Follows the dashboards' live stream, handing each booking change to {@code changes}, until interrupted. */
    void follow(String token, Consumer<JsonNode> changes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrls.get("booking-query") + "/api/dashboard/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        http.send(request, HttpResponse.BodyHandlers.ofLines()).body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    try {
                        changes.accept(json.readTree(line.substring(5)));
                    } catch (IOException malformed) {
                        throw new IllegalStateException(malformed);
                    }
                });
    }

    private JsonNode call(String service, String method, String path, String token, Object body,
                          Map<String, String> headers, int expected) throws Exception {
        HttpResponse<String> response = send(service, method, path, token, body, headers);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String service, String method, String path, String token, Object body,
                                      Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = request(service, method, path, token, body);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String service, String method, String path, String token, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
