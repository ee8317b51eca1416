package io.ticketing.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.support.PlatformService;
import io.ticketing.support.test.EmbeddedPostgresInitializer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A service as it runs, with the shared settings of platform-defaults.yml: its revoked-users processor follows the
 * user events into the service's own database, and what it writes there reaches the in-memory list that every
 * request is checked against.
 */
@SpringBootTest(
        classes = RevokedUsersIT.AnyService.class,
        properties = {
            "spring.config.name=platform-defaults",
            "spring.application.name=any-service",
            "spring.flyway.locations=classpath:db/eventstore,classpath:db/axon"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class RevokedUsersIT {

    @Autowired
    private EventGateway eventGateway;

    @Autowired
    private RevokedUsers revokedUsers;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MockMvcTester mvc;

    @Test
    void deactivatedAndErasedUsersAreRevokedWithinASecondOrTwoAndNoOneElse() {
        UserId deactivated = new UserId(UUID.randomUUID());
        UserId erased = new UserId(UUID.randomUUID());
        UserId active = new UserId(UUID.randomUUID());

        eventGateway.publish(new UserDeactivated(deactivated), new UserErased(erased));

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(List.of(deactivated, erased)).allMatch(revokedUsers::includes));
        assertThat(revokedUsers.includes(active)).isFalse();
    }

    @Test
    void aUserRevokedAgainKeepsTheFirstRevocation() {
        UserId user = new UserId(UUID.randomUUID());
        eventGateway.publish(new UserDeactivated(user));
        await().atMost(Duration.ofSeconds(2)).until(() -> revokedUsers.includes(user));
        OffsetDateTime first = revokedAt(user);

        eventGateway.publish(new UserDeactivated(user), new UserErased(user));
        UserId later = new UserId(UUID.randomUUID());
        eventGateway.publish(new UserDeactivated(later));
        await().atMost(Duration.ofSeconds(2)).until(() -> revokedUsers.includes(later));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_user WHERE user_id = ?", Long.class, user.value()))
                .isOne();
        assertThat(revokedAt(user)).isEqualTo(first);
    }

    @Test
    void theProcessorTracksInTheServicesDatabaseAndParksWhatFailsInItsDeadLetterQueue() {
        assertThat(processing.eventProcessor(RevokedUsersProjection.PROCESSING_GROUP, TrackingEventProcessor.class))
                .isPresent();
        assertThat(processing.tokenStore(RevokedUsersProjection.PROCESSING_GROUP))
                .isInstanceOf(JdbcTokenStore.class);
        assertThat(processing.deadLetterQueue(RevokedUsersProjection.PROCESSING_GROUP))
                .isPresent();
        // The processor's worker launcher claims its token on a thread of its own after start-up.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM tokenentry WHERE processorname = ?",
                                Long.class,
                                RevokedUsersProjection.PROCESSING_GROUP))
                        .isPositive());
    }

    /** The rest of the actuator is refused, whoever asks: see {@link PlatformSecurityTest}. */
    @Test
    void healthIsOpenToAnyone() {
        assertThat(mvc.get().uri("/actuator/health"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    private OffsetDateTime revokedAt(UserId user) {
        return jdbc.queryForObject(
                "SELECT revoked_at FROM revoked_user WHERE user_id = ?", OffsetDateTime.class, user.value());
    }

    @PlatformService
    static class AnyService {}
}
