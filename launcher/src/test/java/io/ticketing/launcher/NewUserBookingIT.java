package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user who registered a moment ago, before the booking service has heard of them, is never refused with 403: the
 * booking waits for the registration to arrive, and if it takes too long the client is told to send it again later.
 * The booking service's known-users processor is held back to make the moment last.
 */
@ExtendWith(SharedPlatform.class)
class NewUserBookingIT {

    @Test
    void aBookingWaitsForItsUsersRegistrationToArrive(StandalonePlatform platform, PlatformClient client)
            throws Exception {
        UUID show = client.newShow(10, "5.00");
        EventProcessor knownUsers = ServiceProcessors.processor(platform, "booking-command", "known-users");
        CompletableFuture<Response> placing;
        knownUsers.shutDown();
        try {
            User user = client.newUser();
            placing = CompletableFuture.supplyAsync(
                    () -> client.sendBooking(user, UUID.randomUUID(), show, 1, "tok_visa"));
            Thread.sleep(1_000);
            assertThat(placing)
                    .as("the booking waits for the user's registration")
                    .isNotDone();
        } finally {
            knownUsers.start();
        }

        Response placed = placing.get(10, TimeUnit.SECONDS);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    }

    @Test
    void aUserStillUnknownAfterTheWaitIsAskedToSendTheBookingAgainLater(
            StandalonePlatform platform, PlatformClient client) {
        UUID show = client.newShow(10, "5.00");
        UUID booking = UUID.randomUUID();
        EventProcessor knownUsers = ServiceProcessors.processor(platform, "booking-command", "known-users");
        User user;
        knownUsers.shutDown();
        try {
            user = client.newUser();
            Response refused = client.sendBooking(user, booking, show, 1, "tok_visa");

            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body().path("type").asText()).isEqualTo("urn:problem:not-yet-known");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        } finally {
            knownUsers.start();
        }

        Response placed = client.sendBooking(user, booking, show, 1, "tok_visa");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        assertThat(awaitSettled(client, user, booking)).isEqualTo("CONFIRMED");
    }
}
