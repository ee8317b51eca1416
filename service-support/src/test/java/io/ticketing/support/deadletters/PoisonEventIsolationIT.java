package io.ticketing.support.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.PlatformService;
import io.ticketing.support.test.EmbeddedPostgresInitializer;
import io.ticketing.support.test.Tokens;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An event whose row the database refuses only when the batch commits (a value longer than its column), after
 * every handler returned: the processor sets that one event aside in the dead-letter queue, applies the others of
 * its batch, and goes on with the next, instead of retrying the batch for ever.
 */
@SpringBootTest(
        classes = PoisonEventIsolationIT.NotesService.class,
        properties = {
            "spring.flyway.locations=classpath:db/eventstore,classpath:db/axon,classpath:db/poison-test",
            "spring.jpa.hibernate.ddl-auto=none",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost/not-called",
            "axon.axonserver.enabled=false",
            "axon.eventhandling.processors.notes.dlq.enabled=true",
            // As the standalone platform's read models have it: the queue's sequences known in memory.
            "axon.eventhandling.processors.notes.dlq.cache.enabled=true"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class PoisonEventIsolationIT {

    private static final UserId ADMIN = new UserId(UUID.randomUUID());

    @Autowired
    private EventGateway eventGateway;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private NotesProjection projection;

    @Test
    void anEventThatFailsAtCommitIsDeadLetteredAndTheRestOfItsBatchIsApplied() {
        eventGateway.publish(
                new Noted(UUID.randomUUID(), "first"),
                new Noted(UUID.randomUUID(), "far too long for it"),
                new Noted(UUID.randomUUID(), "third"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(texts()).contains("first", "third"));
        assertThat(mvc.get().uri("/api/admin/dead-letters").with(Tokens.as(ADMIN, Role.ADMIN)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.notes[0].eventType")
                .isEqualTo(Noted.class.getName());

        eventGateway.publish(new Noted(UUID.randomUUID(), "later"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(texts()).contains("later"));
    }

    @Test
    void theLaterEventsOfADeadLetteredEventsSequenceWaitBehindItInTheQueue() {
        String subject = UUID.randomUUID().toString();
        eventGateway.publish(noted(subject, 0, "before"), noted(subject, 1, "too long for its column"));
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(subject) == 1);

        eventGateway.publish(noted(subject, 2, "after"));
        String otherSubject = UUID.randomUUID().toString();
        eventGateway.publish(noted(otherSubject, 0, "other"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(texts()).contains("other"));

        assertThat(texts()).contains("before").doesNotContain("after");
        assertThat(lettersOf(subject)).isEqualTo(2);
    }

    @Test
    void aProcessorsTransactionDoesNotWaitForTheDiskWhileOthersDo() {
        eventGateway.publish(new Noted(UUID.randomUUID(), "observed"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(projection.synchronousCommitSeen).isEqualTo("off"));
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    private List<String> texts() {
        return jdbc.queryForList("SELECT text FROM note", String.class);
    }

    /** A note about a subject, as an aggregate's event: the subject's events are one sequence. */
    private static DomainEventMessage<Noted> noted(String subject, long sequenceNumber, String text) {
        return new GenericDomainEventMessage<>("Subject", subject, sequenceNumber, new Noted(UUID.randomUUID(), text));
    }

    private int lettersOf(String subject) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM deadletterentry WHERE sequenceidentifier = ?", Integer.class, subject);
    }

    record Noted(UUID id, String text) {}

    @PlatformService
    @Import(NotesProjection.class)
    static class NotesService {}

    @Entity(name = "note")
    static class Note {

        @Id
        private UUID id;

        private String text;

        protected Note() {}

        Note(UUID id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** Writes through JPA, so a row the database refuses fails at the flush before commit, not in the handler. */
    @Component
    @ProcessingGroup("notes")
    static class NotesProjection {

        @PersistenceContext
        private EntityManager entityManager;

        @Autowired
        private JdbcTemplate jdbc;

        volatile String synchronousCommitSeen;

        @EventHandler
        void on(Noted event) {
            synchronousCommitSeen = jdbc.queryForObject("SHOW synchronous_commit", String.class);
            entityManager.persist(new Note(event.id(), event.text()));
        }
    }
}
