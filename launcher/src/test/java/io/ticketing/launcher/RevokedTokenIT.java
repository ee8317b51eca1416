package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deactivated user's token, signed and unexpired, is refused by every service within seconds: each service keeps
 * its own list of revoked users, filled from the user events, and checks every request against it.
 */
@ExtendWith(SharedPlatform.class)
class RevokedTokenIT {

    private static final List<String> SERVICES =
            List.of("user-command", "booking-command", "payment-command", "saga-coordinator", "booking-query");
    /** Every service has it, and answers a user who is no admin 403 there: the token itself was accepted. */
    private static final String ADMINS_ONLY = "/api/admin/dead-letters";

    @Test
    void aDeactivatedUsersTokenIsRefusedByEveryServiceWithinSeconds(PlatformClient client) {
        User leaving = client.newUser();
        User staying = client.newUser();
        SERVICES.forEach(service -> assertThat(
                        client.get(service, ADMINS_ONLY, leaving.token()).status())
                .as(service)
                .isEqualTo(403));

        Response deactivated =
                client.post("user-command", "/api/users/" + leaving.id() + "/deactivate", leaving.token(), null);
        assertThat(deactivated.status()).as(deactivated.body().toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> SERVICES.forEach(service -> {
                    Response refused = client.get(service, ADMINS_ONLY, leaving.token());
                    assertThat(refused.status()).as(service).isEqualTo(401);
                    assertThat(refused.contentType()).as(service).isEqualTo("application/problem+json");
                }));
        SERVICES.forEach(service -> assertThat(
                        client.get(service, ADMINS_ONLY, staying.token()).status())
                .as("another user's token at " + service)
                .isEqualTo(403));
    }
}
