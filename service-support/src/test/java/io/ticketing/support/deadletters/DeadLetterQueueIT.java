package io.ticketing.support.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.PlatformService;
import io.ticketing.support.test.EmbeddedPostgresInitializer;
import io.ticketing.support.test.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A service's projections park the events they fail on in Axon's dead-letter queue, in the service's own PostgreSQL
 * database, and go on; an admin lists the letters and, once the cause is fixed, has them processed again.
 */
@SpringBootTest(
        classes = DeadLetterQueueIT.FlakyService.class,
        properties = {
            "spring.flyway.locations=classpath:db/eventstore,classpath:db/axon",
            "spring.jpa.hibernate.ddl-auto=none",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost/not-called",
            "axon.axonserver.enabled=false",
            "axon.eventhandling.processors.flaky.dlq.enabled=true"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class DeadLetterQueueIT {

    private static final UserId ADMIN = new UserId(UUID.randomUUID());

    @Autowired
    private EventGateway eventGateway;

    @Autowired
    private FlakyProjection projection;

    @Autowired
    private MockMvcTester mvc;

    @Test
    void aFailedEventIsParkedWhileTheRestGoOnAndIsProcessedAgainOnRequest() {
        projection.failOn("broken");

        eventGateway.publish(new Happened("broken"));
        eventGateway.publish(new Happened("fine"));

        await().atMost(Duration.ofSeconds(20)).until(() -> projection.handled.contains("fine"));
        assertThat(mvc.get().uri("/api/admin/dead-letters").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.flaky[0].eventType")
                .isEqualTo(Happened.class.getName());
        assertThat(projection.handled).doesNotContain("broken");

        projection.failOn();
        assertThat(mvc.post().uri("/api/admin/dead-letters/flaky/retry").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.lettersLeft")
                .isEqualTo(0);
        assertThat(projection.handled).contains("broken");
    }

    @Test
    void onlyAdminsSeeDeadLetters() {
        assertThat(mvc.get().uri("/api/admin/dead-letters").with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/admin/dead-letters/no-such-group/retry").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    record Happened(String name) {}

    @PlatformService
    @Import(FlakyProjection.class)
    static class FlakyService {}

    /** Fails on the events it is told to, as a projection does until its bug is fixed. */
    @Component
    @ProcessingGroup("flaky")
    static class FlakyProjection {

        final List<String> handled = new CopyOnWriteArrayList<>();
        private final Set<String> failing = ConcurrentHashMap.newKeySet();

        void failOn(String... names) {
            failing.clear();
            failing.addAll(List.of(names));
        }

        @EventHandler
        void on(Happened event) {
            if (failing.contains(event.name())) {
                throw new IllegalStateException("Cannot handle " + event.name() + " yet");
            }
            handled.add(event.name());
        }
    }
}
