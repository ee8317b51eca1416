package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.rebuildDashboards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of bookings through the packaged platform, killed with SIGKILL in the middle and started again on the
 * same data, with a poison event written into the stream while it was down (a confirmation whose amount no
 * revenue column can hold, as an event from an older, looser version could be). Afterwards, every booking that was
 * accepted is settled, payments and seats agree with the bookings, nothing was counted twice, and the poison event
 * waits in the dashboards' dead-letter queue instead of stalling them. A rebuild of the dashboards, meeting the same
 * event, sets it aside too and ends with the same figures.
 */
class ChaosIT {

    private static final int CLIENTS = 4;
    private static final int BOOKINGS_BEFORE_KILL = 120;
    private static final int BOOKINGS_AFTER_RESTART = 60;
    private static final String PASSWORD = "password-1234";

    private static PostgresServer postgres;
    private static Map<String, String> environment;
    private static Path log;

    private final Map<UUID, UUID> showOf = new ConcurrentHashMap<>();
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Set<UUID> unknown = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = PostgresServer.embedded(Path.of(""), true, 0);
        log = Files.createTempFile("chaos", ".log");
        environment = LauncherProcess.environmentOn(
                postgres, Map.of("BOOKING_PAYMENT_TIMEOUT", "PT5S", "PAYMENT_GATEWAY_LATENCY", "PT0.02S"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aKilledPlatformWithAPoisonEventSettlesEveryAcceptedBookingExactlyOnce() throws Exception {
        LauncherProcess first = LauncherProcess.start(environment, log);
        PlatformClient before = first.client();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String email = "chaos-" + UUID.randomUUID() + "@example.com";
            before.post(
                    "user-command",
                    "/api/users",
                    null,
                    Map.of("email", email, "fullName", "Chaos " + i, "password", PASSWORD));
            emails.add(email);
        }
        UUID hotShow = before.newShow(40, "10.00");
        UUID roomyShow = before.newShow(1_000, "20.00");
        List<User> users = emails.stream()
                .map(email -> new User(null, before.login(email, PASSWORD)))
                .toList();
        // A first booking each, retried until the booking service knows the new user.
        users.forEach(user -> {
            UUID warmUp = before.book(user, roomyShow, 1, "tok_visa");
            showOf.put(warmUp, roomyShow);
            accepted.add(warmUp);
        });

        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> burst = new ArrayList<>();
        for (User user : users) {
            burst.add(clients.submit(() -> sendUntilRefused(before, user, sent, hotShow, roomyShow)));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= BOOKINGS_BEFORE_KILL);
        first.kill();
        for (Future<?> client : burst) {
            client.get();
        }
        UUID poison = writePoisonConfirmation();

        LauncherProcess second = LauncherProcess.start(environment, log);
        try {
            PlatformClient after = second.client();
            List<User> sameUsers = emails.stream()
                    .map(email -> new User(null, after.login(email, PASSWORD)))
                    .toList();
            for (int i = 0; i < BOOKINGS_AFTER_RESTART; i++) {
                place(after, sameUsers.get(i % CLIENTS), i, hotShow, roomyShow);
            }
            String admin = after.adminToken();

            Map<UUID, String> outcomes = awaitSettled(after, admin);
            assertPaymentsMatch(after, admin, outcomes);
            assertSeatsAndRevenueMatch(after, admin, outcomes, hotShow, new BigDecimal("10.00"));
            assertSeatsAndRevenueMatch(after, admin, outcomes, roomyShow, new BigDecimal("20.00"));
            assertPoisonParked(after, admin, poison);

            // A rebuild of the dashboards meets the same poison event: it sets it aside as the live processor did,
            // finishes, and the new tables agree with the bookings as the old ones did.
            rebuildDashboards(after, admin);
            assertSeatsAndRevenueMatch(after, admin, outcomes, hotShow, new BigDecimal("10.00"));
            assertSeatsAndRevenueMatch(after, admin, outcomes, roomyShow, new BigDecimal("20.00"));
            assertPoisonParked(after, admin, poison);
        } finally {
            second.stop();
        }
    }

    private void sendUntilRefused(PlatformClient client, User user, AtomicInteger sent, UUID hotShow, UUID roomyShow) {
        for (int n = sent.getAndIncrement(); ; n = sent.getAndIncrement()) {
            if (!place(client, user, n, hotShow, roomyShow)) {
                return;
            }
        }
    }

    /** @return whether the platform answered at all */
    private boolean place(PlatformClient client, User user, int n, UUID hotShow, UUID roomyShow) {
        UUID bookingId = UUID.randomUUID();
        UUID show = n % 3 == 0 ? hotShow : roomyShow;
        showOf.put(bookingId, show);
        try {
            Response answer = client.send(
                    "booking-command",
                    "POST",
                    "/api/bookings",
                    user.token(),
                    Map.of(
                            "bookingId",
                            bookingId,
                            "showId",
                            show,
                            "tickets",
                            1,
                            "paymentToken",
                            n % 10 == 9 ? "tok_declined" : "tok_visa"),
                    Map.of());
            if (answer.status() == 202) {
                accepted.add(bookingId);
            }
            return true;
        } catch (IllegalStateException connectionLost) {
            unknown.add(bookingId);
            return false;
        }
    }

    private static UUID writePoisonConfirmation() throws Exception {
        UUID booking = UUID.randomUUID();
        String payload = """
                {"bookingId":{"value":"%s"},"paymentId":{"value":"%s"},\
                "amountPaid":{"amount":1E+20,"currency":"EUR"}}""".formatted(booking, UUID.randomUUID());
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl("eventstore"), postgres.username(), postgres.password());
                PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry "
                        + "(aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadtype, "
                        + "timestamp) VALUES (?, 0, 'Booking', ?, ?, ?, ?, ?)")) {
            insert.setString(1, booking.toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes());
            insert.setBytes(4, payload.getBytes());
            insert.setString(5, "io.ticketing.coreapi.booking.BookingConfirmed");
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
        }
        return booking;
    }

    /** Every accepted booking, and every one whose answer was lost in the kill that was placed, ends settled. */
    private Map<UUID, String> awaitSettled(PlatformClient client, String admin) {
        Map<UUID, String> outcomes = new ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (UUID booking : accepted) {
                        String status = status(client, admin, booking);
                        assertThat(status).as("booking %s", booking).isIn("CONFIRMED", "REJECTED");
                        outcomes.put(booking, status);
                    }
                    for (UUID booking : unknown) {
                        String status = status(client, admin, booking);
                        assertThat(status)
                                .as("booking %s, sent as the platform died", booking)
                                .isIn("CONFIRMED", "REJECTED", "NOT_PLACED");
                        if (!status.equals("NOT_PLACED")) {
                            outcomes.put(booking, status);
                        }
                    }
                });
        assertThat(outcomes.values()).contains("CONFIRMED", "REJECTED");
        return outcomes;
    }

    private static String status(PlatformClient client, String admin, UUID booking) {
        Response found = client.get("booking-query", "/api/bookings/" + booking, admin);
        return found.status() == 404
                ? "NOT_PLACED"
                : found.body().path("status").asText();
    }

    /** A confirmed booking was paid exactly once; a rejected one keeps no money. */
    private static void assertPaymentsMatch(PlatformClient client, String admin, Map<UUID, String> outcomes) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> outcomes.forEach((booking, status) -> {
                    List<String> payments = StreamSupport.stream(
                                    client.payments(new User(null, admin), booking)
                                            .spliterator(),
                                    false)
                            .map(payment -> payment.path("status").asText())
                            .toList();
                    if (status.equals("CONFIRMED")) {
                        assertThat(payments)
                                .as("payments of confirmed %s", booking)
                                .containsExactly("COMPLETED");
                    } else {
                        assertThat(payments)
                                .as("payments of rejected %s", booking)
                                .doesNotContain("COMPLETED");
                    }
                }));
    }

    /** Seats sold and revenue equal the confirmed bookings: no reservation or payment was applied twice. */
    private void assertSeatsAndRevenueMatch(
            PlatformClient client, String admin, Map<UUID, String> outcomes, UUID show, BigDecimal price) {
        long confirmed = outcomes.entrySet().stream()
                .filter(outcome -> show.equals(showOf.get(outcome.getKey())))
                .filter(outcome -> outcome.getValue().equals("CONFIRMED"))
                .count();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stats = client.showStats(show, admin);
            assertThat(stats.path("seatsSold").asLong())
                    .as("seats sold of %s", show)
                    .isEqualTo(confirmed);
            assertThat(new BigDecimal(stats.path("revenue").asText()))
                    .isEqualByComparingTo(price.multiply(BigDecimal.valueOf(confirmed)));
        });
    }

    private static void assertPoisonParked(PlatformClient client, String admin, UUID poison) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode letters = client.get("booking-query", "/api/admin/dead-letters", admin)
                    .body()
                    .path("dashboards");
            assertThat(StreamSupport.stream(letters.spliterator(), false)
                            .map(letter -> letter.path("eventType").asText()))
                    .contains("io.ticketing.coreapi.booking.BookingConfirmed");
            JsonNode dashboards = StreamSupport.stream(
                            client.get("booking-query", "/api/admin/projections", admin)
                                    .body()
                                    .spliterator(),
                            false)
                    .filter(row -> row.path("name").asText().equals("dashboards"))
                    .findFirst()
                    .orElseThrow();
            assertThat(dashboards.path("error").asBoolean()).isFalse();
            assertThat(dashboards.path("lag").asLong()).isZero();
        });
        assertThat(client.get("booking-query", "/api/bookings/" + poison, admin).status())
                .isEqualTo(404);
    }
}
