package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboards' API over HTTP: reading one's own writes, lists, totals, and the live stream. */
@ExtendWith(SharedPlatform.class)
class DashboardIT {

    private static final ObjectMapper json = new ObjectMapper();

    private final PlatformClient client;
    private final String admin;

    DashboardIT(PlatformClient client) {
        this.client = client;
        this.admin = client.adminToken();
    }

    @Test
    void aClientReadsTheBookingItJustPlacedWithoutPolling() {
        User user = client.newUser();
        UUID show = client.newShow(10, "12.00");

        UUID booking = client.book(user, show, 1, "tok_visa");
        Response read = client.get("booking-query", "/api/bookings/" + booking + "?wait=PT10S", user.token());

        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.body().path("bookingId").asText()).isEqualTo(booking.toString());
    }

    @Test
    void aUserListsTheirBookingsAndAnAdminSeesTheTotals() {
        User user = client.newUser();
        UUID show = client.newShow(10, "12.00");
        UUID confirmed = client.book(user, show, 1, "tok_visa");
        UUID rejected = client.book(user, show, 1, "tok_declined");
        awaitBooking(client, user, confirmed, "CONFIRMED");
        awaitBooking(client, user, rejected, "REJECTED");

        JsonNode mine =
                client.get("booking-query", "/api/bookings", user.token()).body();
        JsonNode onlyRejected = client.get("booking-query", "/api/bookings?status=REJECTED", user.token())
                .body();
        JsonNode summary = client.get("booking-query", "/api/dashboard/summary?days=7", admin)
                .body();

        assertThat(ids(mine.path("items"))).containsExactlyInAnyOrder(confirmed.toString(), rejected.toString());
        assertThat(ids(onlyRejected.path("items"))).containsExactly(rejected.toString());
        assertThat(summary.path("bookingsByStatus").path("CONFIRMED").asLong()).isPositive();
        JsonNode today = summary.path("days").get(summary.path("days").size() - 1);
        assertThat(today.path("day").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.path("placed").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLiveStreamShowsBookingsAsTheyMoveAndAReconnectingClientMissesNothing() throws Exception {
        User user = client.newUser();
        Followed followed = followANewBookingUntilConfirmed(user);

        assertThat(followed.seen())
                .extracting(event -> event.path("data").path("status").asText())
                .endsWith("CONFIRMED");
        assertResumingAfterShowsItConfirmed(
                user, followed.seen().get(0).path("id").asLong() - 1, followed.booking());
    }

    @Test
    void aReconnectingClientGetsAChangeWhosePositionIsBelowItsLastEventId() throws Exception {
        User user = client.newUser();
        Followed followed = followANewBookingUntilConfirmed(user);

        // As if a later change had reached the client first, and this one committed after it, out of order.
        long laterPosition =
                followed.seen().get(followed.seen().size() - 1).path("id").asLong() + 10;
        assertResumingAfterShowsItConfirmed(user, laterPosition, followed.booking());
    }

    private record Followed(UUID booking, List<JsonNode> seen) {}

    private Followed followANewBookingUntilConfirmed(User user) throws IOException, InterruptedException {
        UUID show = client.newShow(10, "12.00");
        BlockingQueue<JsonNode> live = new LinkedBlockingQueue<>();
        CompletableFuture<?> stream = openStream(user, null, live);
        try {
            UUID booking = client.book(user, show, 2, "tok_visa");
            return new Followed(booking, takeUntil(live, booking, "CONFIRMED"));
        } finally {
            stream.cancel(true);
        }
    }

    private void assertResumingAfterShowsItConfirmed(User user, long lastEventId, UUID booking)
            throws IOException, InterruptedException {
        BlockingQueue<JsonNode> resumed = new LinkedBlockingQueue<>();
        CompletableFuture<?> reconnected = openStream(user, lastEventId, resumed);
        try {
            assertThat(takeUntil(resumed, booking, "CONFIRMED")).isNotEmpty();
        } finally {
            reconnected.cancel(true);
        }
    }

    /** Reads the SSE stream into {@code events}: one JSON node with id, event and data per event. */
    private CompletableFuture<?> openStream(User user, Long lastEventId, BlockingQueue<JsonNode> events)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(client.baseUrl("booking-query") + "/api/dashboard/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + user.token());
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        // The server answers once it follows the bookings: a change made after this returns reaches the stream.
        Stream<String> lines = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines())
                .body();
        // A thread of its own, as reading blocks for as long as the stream is open.
        CompletableFuture<?> reading = CompletableFuture.runAsync(
                () -> {
                    List<String> event = new ArrayList<>();
                    lines.forEach(line -> {
                        if (!line.isEmpty()) {
                            event.add(line);
                            return;
                        }
                        events.add(parse(event));
                        event.clear();
                    });
                },
                task -> new Thread(task, "dashboard-stream").start());
        reading.whenComplete((result, failure) -> lines.close());
        return reading;
    }

    private static JsonNode parse(List<String> lines) {
        var event = json.createObjectNode();
        for (String line : lines) {
            String[] field = line.split(":", 2);
            try {
                if (field[0].equals("data")) {
                    event.set("data", json.readTree(field[1]));
                } else if (field.length == 2) {
                    event.put(field[0], field[1].strip());
                }
            } catch (Exception malformed) {
                throw new IllegalStateException("Not an SSE line: " + line, malformed);
            }
        }
        return event;
    }

    private static List<JsonNode> takeUntil(BlockingQueue<JsonNode> events, UUID booking, String status)
            throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.path("data").path("bookingId").asText().equals(booking.toString())) {
                assertThat(event.path("event").asText()).isEqualTo("booking");
                seen.add(event);
                if (event.path("data").path("status").asText().equals(status)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("The stream did not show booking " + booking + " " + status + "; saw " + seen);
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("bookingId").asText())
                .toList();
    }
}
