package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitBooking;
import static io.ticketing.launcher.TestClients.awaitNoPayment;
import static io.ticketing.launcher.TestClients.awaitPayment;
import static io.ticketing.launcher.TestClients.awaitSeatsLeft;
import static io.ticketing.launcher.TestClients.sagas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The booking flows end to end over HTTP, as a client sees them: the booking's final state in the read model, the
 * seats left on the show, and the payment's final state.
 */
@ExtendWith(SharedPlatform.class)
class BookingFlowsIT {

    private final PlatformClient client;
    private final String admin;

    BookingFlowsIT(PlatformClient client) {
        this.client = client;
        this.admin = client.adminToken();
    }

    @Test
    void aPaidBookingIsConfirmed() {
        User user = client.newUser();
        UUID show = client.newShow(10, "25.00");

        UUID booking = client.book(user, show, 2, "tok_visa");

        JsonNode confirmed = awaitBooking(client, user, booking, "CONFIRMED");
        assertThat(confirmed.path("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(client.showStats(show, admin).path("seatsLeft").asInt()).isEqualTo(8);
        assertThat(client.showStats(show, admin).path("revenue").decimalValue()).isEqualByComparingTo("50.00");
        assertPayment(user, booking, "COMPLETED", "50.00");
    }

    @Test
    void aSoldOutShowRejectsTheBookingAndTakesNoPayment() {
        User user = client.newUser();
        UUID show = client.newShow(1, "25.00");

        UUID booking = client.book(user, show, 2, "tok_visa");

        assertThat(awaitBooking(client, user, booking, "REJECTED")
                        .path("reason")
                        .asText())
                .isEqualTo("Only 1 seats left");
        assertThat(client.showStats(show, admin).path("seatsLeft").asInt()).isEqualTo(1);
        awaitNoPayment(client, user, booking);
    }

    @Test
    void aBookingForAShowThatDoesNotExistIsRejected() {
        User user = client.newUser();

        UUID booking = client.book(user, UUID.randomUUID(), 1, "tok_visa");

        assertThat(awaitBooking(client, user, booking, "REJECTED")
                        .path("reason")
                        .asText())
                .isEqualTo("The show does not exist");
        awaitNoPayment(client, user, booking);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "tok_declined, Card declined by the issuer, DECLINED",
        "tok_timeout,  Payment timed out,           CANCELLED"
    })
    void aPaymentThatFailsRejectsTheBookingAndReleasesTheSeats(
            String paymentToken, String reason, String paymentStatus) {
        User user = client.newUser();
        UUID show = client.newShow(10, "25.00");

        UUID booking = client.book(user, show, 3, paymentToken);

        assertThat(awaitBooking(client, user, booking, "REJECTED")
                        .path("reason")
                        .asText())
                .isEqualTo(reason);
        awaitSeatsLeft(client, admin, show, 10);
        assertPayment(user, booking, paymentStatus, "75.00");
    }

    @Test
    void cancellingAConfirmedBookingRefundsItAndReleasesTheSeats() {
        User user = client.newUser();
        UUID show = client.newShow(10, "40.00");
        UUID booking = client.book(user, show, 2, "tok_visa");
        awaitBooking(client, user, booking, "CONFIRMED");

        Response cancelled = client.post("booking-command", "/api/bookings/" + booking + "/cancel", user.token(), null);

        assertThat(cancelled.status()).isEqualTo(202);
        awaitBooking(client, user, booking, "REFUNDED");
        awaitSeatsLeft(client, admin, show, 10);
        assertThat(client.showStats(show, admin).path("revenue").decimalValue()).isEqualByComparingTo("0");
        assertPayment(user, booking, "REFUNDED", "80.00");
    }

    @Test
    void aBookingIdTakenByAShowIsAConflictAndChangesNothing() {
        User user = client.newUser();
        UUID show = client.newShow(10, "25.00");
        UUID booking = client.book(user, show, 1, "tok_visa");

        Response taken = client.sendBooking(user, show, show, 1, "tok_visa");

        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(409);
        assertThat(taken.contentType()).isEqualTo("application/problem+json");
        // The dashboards learn of the show asynchronously: only once they show the first booking is the check fair.
        awaitBooking(client, user, booking, "CONFIRMED");
        awaitSeatsLeft(client, admin, show, 9);
        assertThat(client.showStats(show, admin).path("name").asText()).startsWith("Show ");
    }

    @Test
    void anotherUserCannotCancelOrReadTheBooking() {
        User owner = client.newUser();
        User stranger = client.newUser();
        UUID show = client.newShow(10, "10.00");
        UUID booking = client.book(owner, show, 1, "tok_visa");
        awaitBooking(client, owner, booking, "CONFIRMED");
        // Until payment-command knows whose booking it is, it answers anyone but an admin 404.
        awaitPayment(client, owner, booking, "COMPLETED");

        assertThat(client.post("booking-command", "/api/bookings/" + booking + "/cancel", stranger.token(), null)
                        .status())
                .isEqualTo(403);
        assertThat(client.get("booking-query", "/api/bookings/" + booking, stranger.token())
                        .status())
                .isEqualTo(403);
        assertThat(client.get("payment-command", "/api/payments?bookingId=" + booking, stranger.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void concurrentBookingsNeverSellMoreSeatsThanTheShowHas() {
        int capacity = 5;
        UUID show = client.newShow(capacity, "10.00");
        List<User> users = IntStream.range(0, 4).mapToObj(i -> client.newUser()).toList();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<UUID>> placing = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            User user = users.get(i % users.size());
            placing.add(CompletableFuture.supplyAsync(() -> client.book(user, show, 1, "tok_visa"), clients));
        }
        List<UUID> bookings = placing.stream().map(CompletableFuture::join).toList();
        clients.shutdown();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            long confirmed = bookings.stream()
                    .filter(id -> status(id).equals("CONFIRMED"))
                    .count();
            long rejected = bookings.stream()
                    .filter(id -> status(id).equals("REJECTED"))
                    .count();
            assertThat(confirmed).isEqualTo(capacity);
            assertThat(rejected).isEqualTo(bookings.size() - capacity);
        });
        assertThat(client.showStats(show, admin).path("seatsLeft").asInt()).isZero();
        assertThat(client.showStats(show, admin).path("seatsSold").asInt()).isEqualTo(capacity);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsOneBooking() {
        User user = client.newUser();
        UUID show = client.newShow(10, "10.00");
        UUID first = client.book(user, show, 1, "tok_visa");
        awaitBooking(client, user, first, "CONFIRMED");
        String key = "retry-" + UUID.randomUUID();

        List<Response> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            attempts.add(client.send(
                    "booking-command",
                    "POST",
                    "/api/bookings",
                    user.token(),
                    Map.of("showId", show, "tickets", 2, "paymentToken", "tok_visa"),
                    Map.of("Idempotency-Key", key)));
        }

        assertThat(attempts).extracting(Response::status).containsOnly(202);
        assertThat(attempts)
                .extracting(response -> response.body().path("bookingId").asText())
                .containsOnly(attempts.get(0).body().path("bookingId").asText());
        UUID retried = UUID.fromString(attempts.get(0).body().path("bookingId").asText());
        awaitBooking(client, user, retried, "CONFIRMED");
        awaitSeatsLeft(client, admin, show, 7);
        awaitPayment(client, user, retried, "COMPLETED");
    }

    @Test
    void anOperatorCompensatesABookingWaitingForAPaymentThatDoesNotCome() {
        User user = client.newUser();
        UUID show = client.newShow(10, "25.00");
        UUID booking = client.book(user, show, 2, "tok_timeout");
        JsonNode saga = awaitActiveSaga(booking, "AWAITING_PAYMENT");

        Response compensate = client.post(
                "saga-coordinator", "/api/sagas/" + saga.path("sagaId").asText() + "/compensate", admin, null);

        assertThat(compensate.status()).isEqualTo(202);
        assertThat(awaitBooking(client, user, booking, "REJECTED")
                        .path("reason")
                        .asText())
                .isEqualTo("Compensated by an operator");
        awaitSeatsLeft(client, admin, show, 10);
        assertPayment(user, booking, "CANCELLED", "50.00");
    }

    @Test
    void anAbandonedSagaSendsNothingMoreNotEvenAtItsDeadline() {
        User user = client.newUser();
        UUID show = client.newShow(10, "25.00");
        UUID booking = client.book(user, show, 1, "tok_timeout");
        JsonNode saga = awaitActiveSaga(booking, "AWAITING_PAYMENT");

        Response abandon = client.post(
                "saga-coordinator", "/api/sagas/" + saga.path("sagaId").asText() + "/abandon", admin, null);

        assertThat(abandon.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(sagas(client, admin, "ENDED")
                                .filter(ended -> ended.path("sagaId").equals(saga.path("sagaId")))
                                .map(ended -> ended.path("step").asText()))
                        .containsExactly("ABANDONED"));
        // Past the payment deadline, the booking is still where the operator left it.
        await().pollDelay(Duration.parse(SharedPlatform.PAYMENT_TIMEOUT).plusSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(status(booking)).isEqualTo("PENDING"));
    }

    @Test
    void onlyAdminsSeeTheSagas() {
        User user = client.newUser();

        assertThat(client.get("saga-coordinator", "/api/sagas", user.token()).status())
                .isEqualTo(403);
        assertThat(client.get("saga-coordinator", "/api/sagas?state=ENDED", admin)
                        .status())
                .isEqualTo(200);
    }

    private String status(UUID bookingId) {
        Response found = client.get("booking-query", "/api/bookings/" + bookingId, admin);
        return found.status() == 200 ? found.body().path("status").asText() : "UNKNOWN";
    }

    private JsonNode awaitActiveSaga(UUID bookingId, String step) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            found.clear();
            sagas(client, admin, "ACTIVE")
                    .filter(saga -> saga.path("bookingId").asText().equals(bookingId.toString()))
                    .filter(saga -> saga.path("step").asText().equals(step))
                    .forEach(found::add);
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    private void assertPayment(User user, UUID booking, String status, String amount) {
        assertThat(new BigDecimal(awaitPayment(client, user, booking, status)
                        .path("amount")
                        .asText()))
                .isEqualByComparingTo(amount);
    }
}
