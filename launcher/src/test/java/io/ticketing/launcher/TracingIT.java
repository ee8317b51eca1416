package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.launcher.OtlpTraceReceiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as a user runs it, exporting its spans over OTLP to a collector that this test plays. A user signs
 * in and books, and the client sends one W3C {@code traceparent} with both requests: the booking is one trace
 * whose spans come from all five services, each named by its {@code service.name}: the sign-in (user-command), the
 * request and its command (booking-command), the saga (saga-coordinator), the payment and the gateway call
 * (payment-command), and the dashboards' projection (booking-query). The trace id is also the one the audit shows
 * in the booking's events and the one the request's log lines carry.
 */
class TracingIT {

    private static final String PASSWORD = "password-1234";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PostgresServer postgres;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = PostgresServer.embedded(Path.of(""), true, 0);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aBookingSignedInForAndPlacedOverHttpIsOneTraceAcrossAllFiveServices() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        Path log = Files.createTempFile("tracing", ".log");
        try (OtlpTraceReceiver collector = OtlpTraceReceiver.start()) {
            LauncherProcess platform = LauncherProcess.start(
                    LauncherProcess.environmentOn(
                            postgres,
                            Map.of(
                                    "MANAGEMENT_OTLP_TRACING_ENDPOINT", collector.endpoint(),
                                    "PAYMENT_GATEWAY", "simulated",
                                    // Spring MVC names each request in a log line of its own, inside the request's
                                    // trace (a level set
                                    // in the environment reaches packages, whose names are lower case, not classes).
                                    "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB_SERVLET", "DEBUG")),
                    log);
            try {
                var client = platform.client();
                String adminToken = client.adminToken();
                UUID show = client.newShow(10, "20.00");
                String email = "traced-" + UUID.randomUUID() + "@example.com";
                var registered = client.post(
                        "user-command",
                        "/api/users",
                        null,
                        Map.of("email", email, "fullName", "Traced User", "password", PASSWORD));
                assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);

                JsonNode signedIn = send(
                        client.baseUrl("user-command") + "/api/auth/token",
                        null,
                        Map.of("email", email, "password", PASSWORD),
                        Map.of("traceparent", traceparent),
                        200);
                UUID booking = book(
                        client.baseUrl("booking-command"),
                        signedIn.path("accessToken").asText(),
                        show,
                        traceparent);

                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(client.get(
                                                "booking-query",
                                                "/api/audit/bookings/" + booking + "/events",
                                                adminToken)
                                        .body()
                                        .findValuesAsText("eventType"))
                                .containsExactly(
                                        "io.ticketing.coreapi.booking.BookingPlaced",
                                        "io.ticketing.coreapi.booking.BookingConfirmed"));
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertOneTraceAcrossAllServices(collector.spansOf(traceId)));
                JsonNode events = client.get("booking-query", "/api/audit/bookings/" + booking + "/events", adminToken)
                        .body();
                assertThat(events.findValuesAsText("traceId")).hasSize(2).containsOnly(traceId);
            } finally {
                platform.stop();
            }
        }
        assertThat(Files.readAllLines(log))
                .as("the launcher's log lines of the booking request")
                .anyMatch(line -> line.contains(traceId) && line.contains("/api/bookings"));
    }

    private static void assertOneTraceAcrossAllServices(List<ReceivedSpan> trace) {
        assertThat(trace)
                .as("the trace's spans")
                .extracting(ReceivedSpan::service)
                .containsOnly(
                        "user-command", "booking-command", "saga-coordinator", "payment-command", "booking-query");
        assertThat(namesOf(trace, "user-command")).contains("http post /api/auth/token");
        assertThat(namesOf(trace, "booking-command"))
                .contains("http post /api/bookings")
                .anyMatch(name -> name.contains("handleDistributedCommand(PlaceBooking)"));
        assertThat(namesOf(trace, "saga-coordinator")).anyMatch(name -> name.startsWith("SagaManager."));
        assertThat(namesOf(trace, "payment-command"))
                .contains("payment.gateway.charge")
                .anyMatch(name -> name.contains("handleDistributedCommand(CompletePayment)"));
        assertThat(namesOf(trace, "booking-query")).anyMatch(name -> name.contains("process(BookingPlaced)"));
    }

    private static List<String> namesOf(List<ReceivedSpan> trace, String service) {
        return trace.stream()
                .filter(span -> span.service().equals(service))
                .map(ReceivedSpan::name)
                .toList();
    }

    /**
     * Sent again, with the same key and trace, until the booking service knows the user who registered a moment
     * ago.
     */
    private static UUID book(String bookingService, String token, UUID show, String traceparent) {
        Map<String, String> headers = Map.of(
                "traceparent", traceparent, "Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> booking = Map.of("showId", show, "tickets", 1, "paymentToken", "tok_visa");
        AtomicReference<JsonNode> placed = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> placed.set(send(bookingService + "/api/bookings", token, booking, headers, 202)));
        return UUID.fromString(placed.get().path("bookingId").asText());
    }

    /** A POST of JSON with {@code headers}, which must be answered with {@code status}; the answer's body. */
    private static JsonNode send(String url, String token, Object body, Map<String, String> headers, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
