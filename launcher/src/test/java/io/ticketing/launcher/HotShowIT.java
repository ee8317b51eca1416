package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On-sale day for one show: twice as many people as seats press "book" at once. Exactly the seats are sold, the
 * rest are turned away for seats, nobody waits for ever, and admission control never loses a booking it refused:
 * a refused client sends it again, as the Retry-After asks.
 */
@ExtendWith(SharedPlatform.class)
class HotShowIT {

    private static final int SEATS = 60;
    private static final int CLIENTS = 8;

    private final PlatformClient client;

    HotShowIT(PlatformClient client) {
        this.client = client;
    }

    @Test
    void twiceAsManyBookingsAsSeatsSellExactlyTheSeats() throws Exception {
        UUID show = client.newShow(SEATS, "15.00");
        List<User> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add(client.newUser());
        }
        // Every user once known to the booking service, so that no booking below is refused for that.
        UUID roomy = client.newShow(CLIENTS, "1.00");
        users.forEach(user -> client.book(user, roomy, 1, "tok_visa"));

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<UUID>> placed = new ArrayList<>();
        for (int n = 0; n < 2 * SEATS; n++) {
            User user = users.get(n % CLIENTS);
            placed.add(pool.submit(placeUntilAdmitted(user, show)));
        }
        List<String> outcomes = new ArrayList<>();
        for (int n = 0; n < placed.size(); n++) {
            outcomes.add(
                    awaitSettled(client, users.get(n % CLIENTS), placed.get(n).get()));
        }
        pool.shutdown();

        assertThat(outcomes.stream().filter("CONFIRMED"::equals).count()).isEqualTo(SEATS);
        assertThat(outcomes.stream().filter("REJECTED"::equals).count()).isEqualTo(SEATS);
        assertThat(client.showStats(show, client.adminToken()).path("seatsLeft").asInt())
                .isZero();
    }

    private Callable<UUID> placeUntilAdmitted(User user, UUID show) {
        return () -> {
            UUID bookingId = UUID.randomUUID();
            while (true) {
                Response answer = client.sendBooking(user, bookingId, show, 1, "tok_visa");
                if (answer.status() != 503) {
                    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
                    return bookingId;
                }
                Thread.sleep(1000L
                        * Integer.parseInt(
                                answer.headers().firstValue("Retry-After").orElse("1")));
            }
        };
    }
}
