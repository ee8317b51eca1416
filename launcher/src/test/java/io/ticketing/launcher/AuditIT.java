package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Auditors read exactly what happened, in order, from the event store, over HTTP. */
@ExtendWith(SharedPlatform.class)
class AuditIT {

    private static final ObjectMapper json = new ObjectMapper();

    private final PlatformClient client;
    private final String admin;

    AuditIT(PlatformClient client) {
        this.client = client;
        this.admin = client.adminToken();
    }

    @Test
    void aBookingsStreamIsInOrderWithTheFlowsMetadata() {
        User user = client.newUser();
        UUID show = client.newShow(10, "20.00");
        UUID booking = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");

        JsonNode events = client.get("booking-query", "/api/audit/bookings/" + booking + "/events", admin)
                .body();

        assertThat(types(events))
                .containsExactly(
                        "io.ticketing.coreapi.booking.BookingPlaced", "io.ticketing.coreapi.booking.BookingConfirmed");
        assertThat(events.get(0).path("sequenceNumber").asLong()).isZero();
        JsonNode placedBy = events.get(0).path("metadata");
        assertThat(placedBy.path("actingUser").asText()).isEqualTo(user.id().toString());
        assertThat(placedBy.path("traceId").asText()).isNotBlank();
        JsonNode confirmedBy = events.get(1).path("metadata");
        assertThat(confirmedBy.path("correlationId").asText())
                .isEqualTo(placedBy.path("correlationId").asText());
        assertThat(confirmedBy.path("traceId").asText())
                .isEqualTo(placedBy.path("traceId").asText());
        assertThat(confirmedBy.path("causationId").asText()).isNotBlank();
    }

    @Test
    void aBookingsStateAsOfAnInstantIsRebuiltFromItsEvents() {
        User user = client.newUser();
        UUID show = client.newShow(10, "20.00");
        UUID booking = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");
        JsonNode events = client.get("booking-query", "/api/audit/bookings/" + booking + "/events", admin)
                .body();
        Instant placedAt = Instant.parse(events.get(0).path("timestamp").asText());

        JsonNode asPlaced = client.get(
                        "booking-query", "/api/audit/bookings/" + booking + "/state?asOf=" + placedAt, admin)
                .body();
        JsonNode now = client.get(
                        "booking-query", "/api/audit/bookings/" + booking + "/state?asOf=" + Instant.now(), admin)
                .body();

        assertThat(asPlaced.path("status").asText()).isEqualTo("PENDING");
        assertThat(now.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(client.get(
                                "booking-query",
                                "/api/audit/bookings/" + booking + "/state?asOf=" + placedAt.minusSeconds(1),
                                admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theExportStreamsEveryEventOfARangeInGlobalOrderWithPaymentTokensMasked() throws Exception {
        Instant from = Instant.now().minusMillis(1);
        User user = client.newUser();
        UUID show = client.newShow(10, "20.00");
        UUID booking = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");

        List<JsonNode> lines = export("?from=" + from + "&to=" + Instant.now());

        assertThat(lines)
                .extracting(line -> line.path("globalPosition").asLong())
                .isSorted();
        assertThat(lines).extracting(line -> line.path("aggregateId").asText()).contains(booking.toString());
        assertThat(lines)
                .filteredOn(line -> line.path("payload").has("paymentToken"))
                .extracting(line -> line.path("payload").path("paymentToken").asText())
                .isNotEmpty()
                .containsOnly("****visa");
        assertThat(lines)
                .extracting(JsonNode::toString)
                .noneMatch(line -> line.contains("tok_visa"))
                .noneMatch(line -> line.contains("passwordHash"));
    }

    @Test
    void anExportWithoutFromStartsAtTheFirstEventAndOneWithoutToEndsNow() throws Exception {
        User user = client.newUser();
        UUID booking = client.book(user, client.newShow(10, "20.00"), 1, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");
        Instant to = Instant.now();

        List<JsonNode> untilTo = export("?to=" + to);
        List<JsonNode> sinceTheEpoch = export("?from=" + Instant.EPOCH + "&to=" + to);

        assertThat(untilTo).isNotEmpty().first().isEqualTo(sinceTheEpoch.get(0));
        assertThat(untilTo)
                .extracting(line -> line.path("aggregateId").asText())
                .contains(booking.toString());
        assertThat(export(""))
                .extracting(line -> line.path("aggregateId").asText())
                .contains(booking.toString());
    }

    @Test
    void onlyAdminsAndAuditorsAudit() {
        User user = client.newUser();

        Response refused = client.get("booking-query", "/api/audit/users/" + user.id() + "/events", user.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(client.get("booking-query", "/api/audit/users/" + user.id() + "/events", admin)
                        .status())
                .isEqualTo(200);
        assertThat(client.get("booking-query", "/api/audit/spaceships/" + user.id() + "/events", admin)
                        .status())
                .isEqualTo(400);
    }

    private static List<String> types(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false)
                .map(event -> event.path("eventType").asText())
                .toList();
    }

    /** The lines of {@code GET /api/audit/export} with the query {@code query}, after checking it is NDJSON. */
    private List<JsonNode> export(String query) throws Exception {
        HttpResponse<String> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(client.baseUrl("booking-query") + "/api/audit/export" + query))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return export.body().lines().map(AuditIT::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("Not a JSON line: " + line, e);
        }
    }
}
