package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The platform's client as the tests use it: as the administrator the platforms under test start with, and waiting
 * for a booking's read model to catch up.
 */
final class TestClients {

    static final String ADMIN_EMAIL = "admin@example.com";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final PlatformClient.Credentials ADMIN = new PlatformClient.Credentials(ADMIN_EMAIL, ADMIN_PASSWORD);

    private TestClients() {}

    static PlatformClient of(Map<String, String> baseUrls) {
        return new PlatformClient(baseUrls, ADMIN);
    }

    static PlatformClient onLocalPorts(Map<String, Integer> ports) {
        return PlatformClient.onLocalPorts(ports, ADMIN);
    }

    /** Waits until the booking's read model shows {@code status}, and returns it. */
    static JsonNode awaitBooking(PlatformClient client, User user, UUID bookingId, String status) {
        return awaitBookingIn(client, user, bookingId, Duration.ofSeconds(30), status);
    }

    /** Waits until the booking is CONFIRMED or REJECTED, and says which. */
    static String awaitSettled(PlatformClient client, User user, UUID bookingId) {
        return awaitBookingIn(client, user, bookingId, Duration.ofSeconds(60), "CONFIRMED", "REJECTED")
                .path("status")
                .asText();
    }

    /** The coordinator's sagas in {@code state} (ACTIVE or ENDED), the first 500, as its operations API lists them. */
    static Stream<JsonNode> sagas(PlatformClient client, String admin, String state) {
        JsonNode page = client.get("saga-coordinator", "/api/sagas?size=500&state=" + state, admin)
                .body();
        return StreamSupport.stream(page.path("content").spliterator(), false);
    }

    /** Rebuilds the dashboards from the first event, and waits until the new tables have been swapped in. */
    static void rebuildDashboards(PlatformClient client, String admin) {
        Response started = client.post("booking-query", "/api/admin/projections/dashboards/replay", admin, null);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        awaitDashboardsRebuilt(client, admin);
    }

    /** Waits until the rebuild of the dashboards under way has swapped its tables in. */
    static void awaitDashboardsRebuilt(PlatformClient client, String admin) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.projection("dashboards", admin)
                                .path("rebuild")
                                .path("state")
                                .asText())
                        .isEqualTo("DONE"));
    }

    /** Waits until the show's stats, as the dashboards have them, count {@code seatsLeft}. */
    static void awaitSeatsLeft(PlatformClient client, String admin, UUID show, int seatsLeft) {
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(
                                client.showStats(show, admin).path("seatsLeft").asInt())
                        .isEqualTo(seatsLeft));
    }

    /** Waits until the booking's one payment has {@code status}, and returns it. */
    static JsonNode awaitPayment(PlatformClient client, User user, UUID bookingId, String status) {
        AtomicReference<JsonNode> payment = new AtomicReference<>();
        awaitPayments(client, user, bookingId, payments -> {
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).path("status").asText()).isEqualTo(status);
            payment.set(payments.get(0));
        });
        return payment.get();
    }

    /** Waits until payment-command knows the booking, and asserts it took no payment for it. */
    static void awaitNoPayment(PlatformClient client, User user, UUID bookingId) {
        awaitPayments(client, user, bookingId, payments -> assertThat(payments).isEmpty());
    }

    /**
     * Payment-command learns of a booking from its events, and until then answers its owner 404 (which the client
     * throws as an {@link IllegalStateException}): the payments are asserted once it knows the booking.
     */
    private static void awaitPayments(PlatformClient client, User user, UUID bookingId, Consumer<JsonNode> assertion) {
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertion.accept(client.payments(user, bookingId)));
    }

    private static JsonNode awaitBookingIn(
            PlatformClient client, User user, UUID bookingId, Duration patience, String... statuses) {
        AtomicReference<JsonNode> booking = new AtomicReference<>();
        await().atMost(patience).untilAsserted(() -> {
            Response found = client.get("booking-query", "/api/bookings/" + bookingId, user.token());
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().path("status").asText()).isIn((Object[]) statuses);
            booking.set(found.body());
        });
        return booking.get();
    }
}
