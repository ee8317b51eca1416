package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.support.messaging.GatheringEventSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.modelling.saga.repository.CachingSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole standalone platform, started as the launcher starts it, on a throwaway embedded PostgreSQL. */
@ExtendWith(SharedPlatform.class)
class StandalonePlatformIT {

    @Test
    void everyServiceIsUpOnItsOwnPortAndReportsHealthy(StandalonePlatform platform, PlatformClient client) {
        assertThat(platform.services())
                .extracting(StandalonePlatform.RunningService::name)
                .containsExactly(
                        "user-command", "booking-command", "payment-command", "saga-coordinator", "booking-query");
        assertThat(platform.services())
                .extracting(StandalonePlatform.RunningService::port)
                .doesNotHaveDuplicates();

        for (StandalonePlatform.RunningService service : platform.services()) {
            Response health = client.get(service.name(), "/actuator/health", null);

            assertThat(health.status()).as(service.name()).isEqualTo(200);
            assertThat(health.body().path("status").asText()).as(service.name()).isEqualTo("UP");
        }
    }

    /** The standalone platform's coordinator is the only one, the one case where a saga may stay in memory. */
    @Test
    void theSagaCoordinatorKeepsItsSagasInMemory(StandalonePlatform platform) {
        assertThat(platform.services())
                .filteredOn(service -> service.name().equals("saga-coordinator"))
                .singleElement()
                .satisfies(coordinator -> assertThat(coordinator.context().getBean(SagaStore.class))
                        .isInstanceOf(CachingSagaStore.class));
    }

    /** The sole instances' read models keep in memory which sequences wait in their dead-letter queues. */
    @Test
    void theReadModelsKnowWhatWaitsInTheirDeadLetterQueues(StandalonePlatform platform) {
        Map<String, String> readModels = Map.of("booking-query", "dashboards", "payment-command", "payments");
        assertThat(platform.services())
                .filteredOn(service -> readModels.containsKey(service.name()))
                .hasSize(readModels.size())
                .allSatisfy(service -> assertThat(service.context()
                                .getBean(EventProcessorProperties.class)
                                .getProcessors()
                                .get(readModels.get(service.name()))
                                .getDlq()
                                .getCache()
                                .isEnabled())
                        .as(service.name() + "'s " + readModels.get(service.name()))
                        .isTrue());
    }

    /**
     * The read models take the events of a moment as one batch; the sagas, the payment gateway and the known users,
     * which bookings wait for, take each event as it comes.
     */
    @Test
    void theReadModelsReadGatheredEventsAndWhatBookingsWaitForDoesNot(StandalonePlatform platform) {
        Map<String, List<String>> projections = Map.of(
                "user-command", List.of("revoked-users"),
                "booking-command", List.of("revoked-users"),
                "booking-query", List.of("dashboards", "revoked-users"),
                "payment-command", List.of("payments", "revoked-users"),
                "saga-coordinator", List.of("revoked-users"));
        Map<String, List<String>> waitedFor = Map.of(
                "booking-command", List.of("known-users"),
                "payment-command", List.of("payment-gateway"),
                "saga-coordinator", List.of("booking-saga", "cancellation-saga"));
        for (StandalonePlatform.RunningService service : platform.services()) {
            projections
                    .getOrDefault(service.name(), List.of())
                    .forEach(processor -> assertThat(sourceOf(service, processor))
                            .as(service.name() + "'s " + processor)
                            .isInstanceOf(GatheringEventSource.class));
            waitedFor
                    .getOrDefault(service.name(), List.of())
                    .forEach(processor -> assertThat(sourceOf(service, processor))
                            .as(service.name() + "'s " + processor)
                            .isNotInstanceOf(GatheringEventSource.class));
        }
    }

    private static Object sourceOf(StandalonePlatform.RunningService service, String processor) {
        return service.context()
                .getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, TrackingEventProcessor.class)
                .orElseThrow()
                .getMessageSource();
    }

    @Test
    void aUserRegisteredWithTheUserServiceBecomesKnownToTheBookingService(
            StandalonePlatform platform, PlatformClient client) {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        Response registered = client.post(
                "user-command",
                "/api/users",
                null,
                Map.of("email", email, "fullName", "Grace Hopper", "password", "cobol-1959"));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        UUID userId = UUID.fromString(registered.body().path("userId").asText());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(knownUserEmail(platform, userId)).contains(email));
    }

    @Test
    void theSameEmailAddressCannotBeRegisteredTwice(PlatformClient client) {
        Map<String, String> twice = Map.of(
                "email", "twice-" + UUID.randomUUID() + "@example.com", "fullName", "Twice", "password", "password-1");

        assertThat(client.post("user-command", "/api/users", null, twice).status())
                .isEqualTo(201);
        Response second = client.post("user-command", "/api/users", null, twice);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void everyServiceRefusesARequestWithoutAToken(StandalonePlatform platform, PlatformClient client) {
        for (String service :
                new String[] {"booking-command", "payment-command", "saga-coordinator", "booking-query"}) {
            Response refused = client.get(service, "/api/admin/dead-letters", null);

            assertThat(refused.status()).as(service).isEqualTo(401);
            assertThat(refused.contentType()).as(service).isEqualTo("application/problem+json");
        }
    }

    @Test
    void anotherServiceAcceptsATokenTheUserServiceSigned(PlatformClient client) {
        Response deadLetters = client.get("booking-command", "/api/admin/dead-letters", client.adminToken());

        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(deadLetters.body().has("known-users")).isTrue();
    }

    private static Optional<String> knownUserEmail(StandalonePlatform platform, UUID userId) throws Exception {
        try (Connection connection = PlatformDatabases.connect(platform, "booking_db");
                PreparedStatement query =
                        connection.prepareStatement("SELECT email FROM known_user WHERE user_id = ? AND active")) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
