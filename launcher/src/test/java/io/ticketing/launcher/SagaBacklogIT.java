package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static io.ticketing.launcher.TestClients.awaitPayment;
import static io.ticketing.launcher.TestClients.sagas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking saga held back, as a burst or a slow coordinator would hold it: a booking whose payment the gateway
 * approved in time is confirmed however long the approval waits in the saga's backlog, and while the backlog is
 * longer than the platform accepts, new bookings are refused up front (503) instead of being carried out late.
 */
class SagaBacklogIT {

    /** The gateway answers in 2 s, within the 3 s it is given; the saga's safety net fires after 6 s. */
    private static final Duration GATEWAY_LATENCY = Duration.ofSeconds(2);

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAX_LAG = Duration.ofSeconds(3);
    private static final int BOOKINGS = 10;

    private static StandalonePlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = StandalonePlatform.start(new LaunchOptions(
                new LaunchOptions.ThrowawayEmbedded(),
                true,
                Map.of(
                        "user.admin.email", TestClients.ADMIN_EMAIL,
                        "user.admin.password", TestClients.ADMIN_PASSWORD,
                        "booking.payment-timeout", PAYMENT_TIMEOUT.toString(),
                        "booking.max-lag", MAX_LAG.toString(),
                        "payment.gateway.latency", GATEWAY_LATENCY.toString())));
        client = TestClients.onLocalPorts(platform.services().stream()
                .collect(Collectors.toMap(
                        StandalonePlatform.RunningService::name, StandalonePlatform.RunningService::port)));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }

    @Test
    void approvedPaymentsWaitingPastEveryDeadlineAreConfirmedAndABacklogRefusesNewBookings() throws Exception {
        String admin = client.adminToken();
        User user = client.newUser();
        UUID show = client.newShow(50, "20.00");
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            bookings.add(client.book(user, show, 1, "tok_visa"));
        }
        awaitAllAwaitingPayment(admin, Set.copyOf(bookings));

        EventProcessor saga = ServiceProcessors.processor(platform, "saga-coordinator", "booking-saga");
        saga.shutDown();
        long heldSince = System.nanoTime();
        // An event the held saga has not handled, growing older: the lag admission control watches.
        bookings.add(client.book(user, show, 1, "tok_visa"));

        List<UUID> sent = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    sent.add(UUID.randomUUID());
                    Response answer = client.sendBooking(user, sent.get(sent.size() - 1), show, 1, "tok_visa");
                    if (answer.status() == 202) {
                        bookings.add(sent.get(sent.size() - 1));
                    }
                    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
                    assertThat(answer.contentType()).isEqualTo("application/problem+json");
                    assertThat(answer.headers().firstValue("Retry-After"))
                            .hasValueSatisfying(seconds ->
                                    assertThat(Integer.parseInt(seconds)).isPositive());
                });
        UUID refused = sent.get(sent.size() - 1);

        // Past the payment timeout and the saga's safety net, with every approval still waiting for the saga.
        Duration held = Duration.ofNanos(System.nanoTime() - heldSince);
        Thread.sleep(Math.max(
                0, PAYMENT_TIMEOUT.multipliedBy(2).plusSeconds(2).minus(held).toMillis()));
        saga.start();

        for (UUID booking : bookings) {
            JsonNode confirmed = awaitBooking(client, user, booking, "CONFIRMED");
            assertThat(confirmed.path("reason").asText()).doesNotContain("timed out");
            awaitPayment(client, user, booking, "COMPLETED");
        }
        assertThat(client.get("booking-query", "/api/bookings/" + refused, admin)
                        .status())
                .as("a refused booking is not placed")
                .isEqualTo(404);
        JsonNode sagaRow = StreamSupport.stream(
                        client.get("booking-query", "/api/admin/projections", admin)
                                .body()
                                .spliterator(),
                        false)
                .filter(row -> row.path("name").asText().equals("booking-saga"))
                .findFirst()
                .orElseThrow();
        assertThat(sagaRow.path("admission").path("refusedBookings").asLong()).isPositive();
        assertThat(sagaRow.path("admission").path("maxLagMillis").asLong()).isEqualTo(MAX_LAG.toMillis());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(client.sendBooking(user, refused, show, 1, "tok_visa")
                                .status())
                        .as("admitted again once caught up")
                        .isEqualTo(202));
    }

    private static void awaitAllAwaitingPayment(String admin, Set<UUID> bookings) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Set<UUID> awaiting = sagas(client, admin, "ACTIVE")
                            .filter(saga -> saga.path("step").asText().equals("AWAITING_PAYMENT"))
                            .map(saga -> UUID.fromString(saga.path("bookingId").asText()))
                            .collect(Collectors.toSet());
                    assertThat(awaiting).containsAll(bookings);
                });
    }
}
