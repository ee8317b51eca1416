package io.ticketing.launcher;

import static io.ticketing.launcher.TestClients.awaitSettled;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.User;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Every service serves its metrics to Prometheus with an admin's token, each meter tagged with the service even where
 * five share one JVM, and the meters the dashboard (docs/grafana/booking-platform.json) draws are there.
 */
@ExtendWith(SharedPlatform.class)
class MetricsIT {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Test
    void afterABookingEveryServiceReportsItsAxonProcessorsItsDatabasePoolAndTheJvm(PlatformClient client) {
        book(client);
        String adminToken = client.adminToken();

        for (String service : client.services()) {
            assertThat(scrape(client, service, adminToken))
                    .as(service)
                    .contains("eventProcessor_latency{processorName=\"revoked-users\",service=\"" + service + "\"}")
                    .contains("eventProcessor_capacity{processorName=\"revoked-users\",service=\"" + service + "\"}")
                    .contains("axon_dead_letters{processingGroup=\"revoked-users\",service=\"" + service + "\"}")
                    .contains("hikaricp_connections_active{pool=\"" + service + "\",service=\"" + service + "\"}")
                    .contains("jvm_memory_used_bytes{area=\"heap\"")
                    .doesNotContainPattern("(?m)^[a-zA-Z_]+\\{(?![^}]*service=\"" + service + "\")");
        }
    }

    /**
     * The five services share the JVM's one logging system: a log-event counter of each would count every service's
     * lines, and its turbo filter would be asked at every log-level check of the JVM.
     */
    @Test
    void noServiceCountsTheSharedLogsLines(PlatformClient client) {
        String adminToken = client.adminToken();

        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList())
                .isEmpty();
        for (String service : client.services()) {
            assertThat(scrape(client, service, adminToken)).as(service).doesNotContain("logback_events");
        }
    }

    @Test
    void theBookingServiceTimesEveryPlacedBookingInLatencyBuckets(PlatformClient client) {
        book(client);

        assertThat(scrape(client, "booking-command", client.adminToken()))
                .containsPattern(metric(
                        "http_server_requests_seconds_bucket",
                        "method=\"POST\",outcome=\"SUCCESS\",service=\"booking-command\",status=\"202\","
                                + "uri=\"/api/bookings\",le=\"\\+Inf\""))
                .containsPattern(metric("booking_admission_refused_total", "service=\"booking-command\""));
    }

    @Test
    void eachServiceMeasuresTheCommandsItHandles(PlatformClient client) {
        book(client);
        String adminToken = client.adminToken();

        assertThat(scrape(client, "booking-command", adminToken))
                .containsPattern(metric("commandBus_successCounter_total", "payloadType=\"PlaceBooking\""))
                .containsPattern(metric("commandBus_successTimer_seconds_count", "payloadType=\"ConfirmBooking\""));
        assertThat(scrape(client, "payment-command", adminToken))
                .containsPattern(metric("commandBus_successCounter_total", "payloadType=\"RequestPayment\""))
                .doesNotContain("payloadType=\"PlaceBooking\"");
    }

    @Test
    void theSagaCoordinatorReportsHowFarTheBookingSagaIsBehind(PlatformClient client) {
        book(client);

        assertThat(scrape(client, "saga-coordinator", client.adminToken()))
                .containsPattern(metric("booking_saga_lag_seconds", "service=\"saga-coordinator\""))
                .containsPattern(metric("booking_saga_backlog_events", "service=\"saga-coordinator\""))
                .contains("eventProcessor_latency{processorName=\"booking-saga\"");
    }

    @Test
    void theQueryServiceCountsTheBookingsItsDashboardsSaw(PlatformClient client) {
        book(client);

        assertThat(scrape(client, "booking-query", client.adminToken()))
                .containsPattern(
                        "eventProcessor_successCounter_total\\{payloadType=\"BookingPlaced\",processorName=\"dashboards\","
                                + "service=\"booking-query\"} [1-9]");
    }

    @Test
    void metricsAreRefusedWithoutATokenAndToUsers(PlatformClient client) {
        User user = client.newUser();
        for (String service : client.services()) {
            assertThat(client.getText(service, PROMETHEUS, null).statusCode())
                    .as(service)
                    .isEqualTo(401);
            assertThat(client.getText(service, PROMETHEUS, user.token()).statusCode())
                    .as(service)
                    .isEqualTo(403);
        }
    }

    private static void book(PlatformClient client) {
        User user = client.newUser();
        UUID booking = client.book(user, client.newShow(10, "20.00"), 1, "tok_visa");
        assertThat(awaitSettled(client, user, booking)).isEqualTo("CONFIRMED");
    }

    private static String scrape(PlatformClient client, String service, String adminToken) {
        HttpResponse<String> metrics = client.getText(service, PROMETHEUS, adminToken);
        assertThat(metrics.statusCode()).as(service).isEqualTo(200);
        return metrics.body();
    }

    /** A sample of {@code name} whose labels include {@code labels}, in Prometheus' order, with any value. */
    private static Pattern metric(String name, String labels) {
        return Pattern.compile("(?m)^" + name + "\\{(?:[^}]*,)?" + labels + "(?:,[^}]*)?} \\S+$");
    }
}
