package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static io.ticketing.launcher.TestClients.awaitPayment;
import static io.ticketing.launcher.TestClients.awaitSeatsLeft;
import static io.ticketing.launcher.TestClients.sagas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the platform, saga coordinator and all, with SIGKILL while a booking waits for its payment, and starts it
 * again on the same database: the saga resumes, its payment deadline still fires, and the booking is compensated.
 */
class CoordinatorCrashIT {

    private static final String PASSWORD = "password-1234";

    private static PostgresServer postgres;
    private static Map<String, String> environment;
    private static Path log;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = PostgresServer.embedded(Path.of(""), true, 0);
        log = Files.createTempFile("coordinator-crash", ".log");
        environment = LauncherProcess.environmentOn(postgres, Map.of("BOOKING_PAYMENT_TIMEOUT", "PT6S"));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void aKilledCoordinatorResumesItsSagaAndItsDeadlineStillFires() throws Exception {
        LauncherProcess first = LauncherProcess.start(environment, log);
        PlatformClient before = first.client();
        String email = "crash-" + UUID.randomUUID() + "@example.com";
        before.post(
                "user-command",
                "/api/users",
                null,
                Map.of("email", email, "fullName", "Crash Test", "password", PASSWORD));
        User user = new User(null, before.login(email, PASSWORD));
        UUID show = before.newShow(10, "30.00");
        UUID booking = before.book(user, show, 2, "tok_timeout");
        awaitSagaStep(before, booking, "AWAITING_PAYMENT");

        first.kill();
        LauncherProcess second = LauncherProcess.start(environment, log);
        try {
            PlatformClient after = second.client();
            User sameUser = new User(null, after.login(email, PASSWORD));

            assertThat(awaitBooking(after, sameUser, booking, "REJECTED")
                            .path("reason")
                            .asText())
                    .isEqualTo("Payment timed out");
            String admin = after.adminToken();
            awaitSeatsLeft(after, admin, show, 10);
            awaitPayment(after, sameUser, booking, "CANCELLED");

            UUID afterRestart = after.book(sameUser, show, 1, "tok_visa");
            awaitBooking(after, sameUser, afterRestart, "CONFIRMED");
        } finally {
            second.stop();
        }
    }

    private static void awaitSagaStep(PlatformClient client, UUID booking, String step) {
        String admin = client.adminToken();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> steps = sagas(client, admin, "ACTIVE")
                    .filter(saga -> saga.path("bookingId").asText().equals(booking.toString()))
                    .map(saga -> saga.path("step").asText())
                    .toList();
            assertThat(steps).containsExactly(step);
        });
    }
}
