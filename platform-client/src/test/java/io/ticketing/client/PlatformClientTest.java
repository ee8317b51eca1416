package io.ticketing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ticketing.client.PlatformClient.Credentials;
import io.ticketing.client.PlatformClient.Placement;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.client.PlatformClient.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in for every service, which answers what each test tells it to. */
class PlatformClientTest {

    /** How the stand-in answers the next request. */
    private record Answer(int status, Map<String, String> headers, String body, Duration after) {}

    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private HttpServer server;
    private PlatformClient client;

    @BeforeEach
    void startTheStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        client = new PlatformClient(
                Map.of("user-command", url, "booking-command", url, "booking-query", url),
                new Credentials("admin@example.com", "admin-password"),
                Duration.ofMillis(500));
    }

    @AfterEach
    void stopTheStandIn() {
        server.stop(0);
    }

    @Test
    void logsTheAdministratorInWithItsCredentials() {
        answers.add(new Answer(200, Map.of(), "{\"accessToken\":\"the-token\"}", Duration.ZERO));

        assertThat(client.adminToken()).isEqualTo("the-token");
        assertThat(requests.poll())
                .startsWith("POST /api/auth/token ")
                .contains("\"email\":\"admin@example.com\"", "\"password\":\"admin-password\"");
    }

    @Test
    void aPlacementRefusedWith503SaysWhenToSendItAgain() {
        answers.add(new Answer(503, Map.of("Retry-After", "7"), "", Duration.ZERO));

        assertThat(place()).isEqualTo(new Placement(503, Duration.ofSeconds(7)));
    }

    @Test
    void aPlacementWithoutRetryAfterWaitsASecond() {
        answers.add(new Answer(503, Map.of(), "", Duration.ZERO));

        assertThat(place()).isEqualTo(new Placement(503, Duration.ofSeconds(1)));
    }

    @Test
    void aPlacementNotAnsweredWithinTheTimeoutIsAnOutcome() {
        answers.add(new Answer(202, Map.of(), "", Duration.ofSeconds(2)));

        assertThat(place().status()).isEqualTo(PlatformClient.UNANSWERED);
    }

    @Test
    void aBookingSentWithItsOwnIdComesBackWithTheWholeAnswer() {
        UUID bookingId = UUID.randomUUID();
        UUID showId = UUID.randomUUID();
        answers.add(new Answer(409, Map.of(), "{\"detail\":\"Sold out\"}", Duration.ZERO));

        Response answer = client.sendBooking(new User(null, "the-token"), bookingId, showId, 2, "tok_visa");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("detail").asText()).isEqualTo("Sold out");
        assertThat(requests.poll())
                .startsWith("POST /api/bookings ")
                .contains(
                        "\"bookingId\":\"" + bookingId + "\"",
                        "\"showId\":\"" + showId + "\"",
                        "\"tickets\":2",
                        "\"paymentToken\":\"tok_visa\"");
    }

    @Test
    void anyOtherRequestNotAnsweredInTimeFails() {
        answers.add(new Answer(200, Map.of(), "{}", Duration.ofSeconds(2)));

        assertThatIllegalStateException()
                .isThrownBy(() -> client.get("booking-query", "/api/dashboard/summary", null))
                .withMessageContaining("not answered");
    }

    @Test
    void anUnexpectedStatusFailsWithTheAnswer() {
        answers.add(new Answer(409, Map.of(), "{\"detail\":\"Sold out\"}", Duration.ZERO));

        assertThatIllegalStateException()
                .isThrownBy(() -> client.call("booking-command", "POST", "/api/shows", "t", Map.of(), 201))
                .withMessage("POST /api/shows answered 409: {\"detail\":\"Sold out\"}");
    }

    @Test
    void anEmptyAnswerIsAJsonNull() {
        answers.add(new Answer(204, Map.of(), "", Duration.ZERO));

        assertThat(client.send("booking-command", "DELETE", "/api/x", "t", null, Map.of())
                        .body()
                        .isNull())
                .isTrue();
    }

    private Placement place() {
        return client.place("token", UUID.randomUUID(), UUID.randomUUID(), 1, "tok_visa");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = answers.take();
            Thread.sleep(answer.after().toMillis());
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
