package io.ticketing.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform's HTTP API as a client uses it, by service name ({@code user-command}, {@code booking-query}, ...)
 * and base URL. Answers come back as JSON trees, read the way any client would read them. A request that gets no
 * answer fails with {@link IllegalStateException}; one answered with an unexpected status does too, where a method
 * expects one.
 */
public final class PlatformClient {

    /** An email and password that {@code POST /api/auth/token} exchanges for a token. */
    public record Credentials(String email, String password) {}

    public record Response(int status, JsonNode body, String contentType, HttpHeaders headers) {}

    /** A user who has registered and logged in. */
    public record User(UUID id, String token) {}

    /**
     * How {@code POST /api/bookings} was answered.
     *
     * @param status     the HTTP status, or {@link #UNANSWERED} when no answer came within the request timeout
     * @param retryAfter how long a 503 asks to wait before the booking is sent again; a second if it does not say
     */
    public record Placement(int status, Duration retryAfter) {}

    public static final int UNANSWERED = 0;

    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Whatever a user registered here logs in with. */
    private static final String USER_PASSWORD = "password-1234";

    private final Map<String, String> baseUrls;
    private final Credentials admin;
    private final Duration requestTimeout;
    /** Daemon threads: a live stream's connection must not keep a finished program alive. */
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newCachedThreadPool(work -> {
                Thread thread = new Thread(work, "platform-client");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrls       each service's base URL, by service name
     * @param admin          the administrator the platform was started with
     * @param requestTimeout how long a request waits for its answer
     */
    public PlatformClient(Map<String, String> baseUrls, Credentials admin, Duration requestTimeout) {
        this.baseUrls = baseUrls;
        this.admin = admin;
        this.requestTimeout = requestTimeout;
    }

    /** With requests that wait 30 seconds for their answer. */
    public PlatformClient(Map<String, String> baseUrls, Credentials admin) {
        this(baseUrls, admin, DEFAULT_REQUEST_TIMEOUT);
    }

    /** Services on this machine, by port. */
    public static PlatformClient onLocalPorts(Map<String, Integer> ports, Credentials admin) {
        return new PlatformClient(
                ports.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, service -> "http://localhost:" + service.getValue())),
                admin);
    }

    public String adminToken() {
        return login(admin.email(), admin.password());
    }

    public String login(String email, String password) {
        return call("user-command", "POST", "/api/auth/token", null, Map.of("email", email, "password", password), 200)
                .path("accessToken")
                .asText();
    }

    /** Registers a user of a new email address, and logs them in. */
    public User newUser() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        JsonNode registered = call(
                "user-command",
                "POST",
                "/api/users",
                null,
                Map.of("email", email, "fullName", "Test User", "password", USER_PASSWORD),
                201);
        return new User(UUID.fromString(registered.path("userId").asText()), login(email, USER_PASSWORD));
    }

    /** A show of a new name, created by the administrator, who logs in for it. */
    public UUID newShow(int capacity, String ticketPrice) {
        return newShow(adminToken(), capacity, ticketPrice);
    }

    /** A show of a new name, in euros. */
    public UUID newShow(String adminToken, int capacity, String ticketPrice) {
        return UUID.fromString(call(
                        "booking-command",
                        "POST",
                        "/api/shows",
                        adminToken,
                        Map.of(
                                "name",
                                "Show " + UUID.randomUUID(),
                                "venue",
                                "Test Hall",
                                "startsAt",
                                "2030-01-01T20:00:00Z",
                                "capacity",
                                capacity,
                                "ticketPrice",
                                Map.of("amount", ticketPrice, "currency", "EUR")),
                        201)
                .path("showId")
                .asText());
    }

    /**
     * Places a booking, in one request, which must be accepted: for a user registered a moment ago, the booking
     * service waits until it has heard of them.
     *
     * @return the booking's id, which the platform chose
     */
    public UUID book(User user, UUID showId, int tickets, String paymentToken) {
        return UUID.fromString(call(
                        "booking-command",
                        "POST",
                        "/api/bookings",
                        user.token(),
                        Map.of("showId", showId, "tickets", tickets, "paymentToken", paymentToken),
                        202)
                .path("bookingId")
                .asText());
    }

    /**
     * Places a booking of the client's own id, and says how it was answered, whatever the answer: an overloaded
     * platform may refuse it with 503, or hold it for longer than the request timeout.
     */
    public Placement place(String token, UUID bookingId, UUID showId, int tickets, String paymentToken) {
        HttpResponse<String> response;
        try {
            response = exchange(
                    request(
                                    "booking-command",
                                    "POST",
                                    "/api/bookings",
                                    token,
                                    booking(bookingId, showId, tickets, paymentToken))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException unanswered) {
            return new Placement(UNANSWERED, Duration.ZERO);
        }
        // The platform gives seconds; the HTTP-date form, which it does not send, falls back to a second.
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d+"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(Duration.ofSeconds(1));
        return new Placement(response.statusCode(), retryAfter);
    }

    /** Places a booking of the client's own id, and returns the whole answer, whatever its status. */
    public Response sendBooking(User user, UUID bookingId, UUID showId, int tickets, String paymentToken) {
        return post(
                "booking-command", "/api/bookings", user.token(), booking(bookingId, showId, tickets, paymentToken));
    }

    private static Map<String, Object> booking(UUID bookingId, UUID showId, int tickets, String paymentToken) {
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("bookingId", bookingId);
        booking.put("showId", showId);
        booking.put("tickets", tickets);
        booking.put("paymentToken", paymentToken);
        return booking;
    }

    public JsonNode showStats(UUID showId, String token) {
        return call("booking-query", "GET", "/api/shows/" + showId + "/stats", token, null, 200);
    }

    /** The booking-query processor's row of {@code GET /api/admin/projections}: its lag and any rebuild. */
    public JsonNode projection(String processingGroup, String adminToken) {
        for (JsonNode processor : call("booking-query", "GET", "/api/admin/projections", adminToken, null, 200)) {
            if (processor.path("name").asText().equals(processingGroup)) {
                return processor;
            }
        }
        throw new IllegalStateException("booking-query has no processor " + processingGroup);
    }

    public JsonNode payments(User user, UUID bookingId) {
        return call("payment-command", "GET", "/api/payments?bookingId=" + bookingId, user.token(), null, 200);
    }

    public String baseUrl(String service) {
        return baseUrls.get(service);
    }

    /** The names of the services this client calls. */
    public Set<String> services() {
        return baseUrls.keySet();
    }

    /** Follows the dashboards' live stream, handing each booking change to {@code changes}, until interrupted. */
    public void follow(String token, Consumer<JsonNode> changes) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrls.get("booking-query") + "/api/dashboard/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        answered(request, HttpResponse.BodyHandlers.ofLines())
                .body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> changes.accept(parse(line.substring(5))));
    }

    /**
     * A long answer, such as the audit's NDJSON export, as it streams in: its lines, to be closed when read. The
     * status must be 200.
     */
    public Stream<String> lines(String service, String path, String token) {
        HttpResponse<Stream<String>> response = answered(
                request(service, "GET", path, token, null)
                        .timeout(Duration.ofMinutes(15))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A GET whose answer is not JSON, such as Prometheus metrics: its status and text. */
    public HttpResponse<String> getText(String service, String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path)).timeout(requestTimeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answered(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public Response get(String service, String path, String token) {
        return send(service, "GET", path, token, null, Map.of());
    }

    public Response post(String service, String path, String token, Object body) {
        return send(service, "POST", path, token, body, Map.of());
    }

    /** @param body sent as JSON; null for none */
    public Response send(
            String service, String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(service, method, path, token, body);
        headers.forEach(request::header);
        HttpResponse<String> response = answered(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isBlank() ? json.nullNode() : parse(response.body());
        return new Response(
                response.statusCode(),
                parsed,
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers());
    }

    /** The answer's body, which must come with {@code expectedStatus}. */
    public JsonNode call(String service, String method, String path, String token, Object body, int expectedStatus) {
        Response response = send(service, method, path, token, body, Map.of());
        if (response.status() != expectedStatus) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String service, String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                .timeout(requestTimeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** The answer; a timeout is as much a failure as a lost connection. */
    private <T> HttpResponse<T> answered(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return exchange(request, body);
        } catch (HttpTimeoutException unanswered) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + " was not answered within " + requestTimeout, unanswered);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws HttpTimeoutException {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException unanswered) {
            throw unanswered;
        } catch (IOException failed) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", interrupted);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("Not JSON: " + text, malformed);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("Not writable as JSON: " + body, unwritable);
        }
    }
}
