package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.UserCredentialsSet;
import io.ticketing.query.audit.AuditedEvent;
import io.ticketing.query.audit.EventAuditor;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events stored before credentials left the stream still hold a password hash in the event store's rows. Whatever
 * reads them through the platform's event store, an aggregate, a processor or an audit, never sees it.
 */
class StoredCredentialsIT {

    private static final String HASH = "{bcrypt}$2a$10$storedlongagoXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(2);

    @Test
    void anOldCredentialsEventIsReadWithoutItsHash() throws Exception {
        UUID user = UUID.randomUUID();
        storeAsTheOldFormatDid(user);

        // The platform of the new format starts after the old one stored its events.
        ShortWindowEventStore eventStore = EventStoreFactory.eventStore(
                store.database(), SimpleQueryBus.builder().build());
        List<? extends DomainEventMessage<?>> stream;
        List<AuditedEvent> audited;
        try {
            stream = eventStore.readEvents(user.toString()).asStream().toList();
            audited = new EventAuditor(eventStore, new ObjectMapper().findAndRegisterModules())
                    .streamOf("User", user.toString())
                    .orElseThrow();
        } finally {
            eventStore.shutDown();
        }

        assertThat(stream)
                .singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isEqualTo(new UserCredentialsSet(new UserId(user))));
        assertThat(audited)
                .singleElement()
                .satisfies(event -> assertThat(event.payload().toString()).doesNotContain("passwordHash", HASH));
    }

    private static void storeAsTheOldFormatDid(UUID user) throws Exception {
        try (Connection connection = store.database().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                         metadata, payload, payloadrevision, payloadtype, timestamp)
                     VALUES (?, 0, 'User', ?, ?, ?, NULL, ?, ?)""")) {
            insert.setString(1, user.toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, """
                    {"userId":{"value":"%s"},"passwordHash":"%s"}""".formatted(user, HASH).getBytes(StandardCharsets.UTF_8));
            insert.setString(5, UserCredentialsSet.class.getName());
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
