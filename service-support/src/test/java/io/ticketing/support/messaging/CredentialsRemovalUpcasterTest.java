package io.ticketing.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.UserCredentialsSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class CredentialsRemovalUpcasterTest {

    private final Serializer serializer = MessageSerialization.jacksonSerializer();

    @Test
    void anOldCredentialsEventReadsWithoutItsHash() {
        UUID userId = UUID.randomUUID();
        String storedPayload = """
                {"userId":{"value":"%s"},"passwordHash":"{bcrypt}$2a$10$abcdefghijklmnopqrstuv"}""".formatted(userId);
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "User",
                userId.toString(),
                1,
                UUID.randomUUID().toString(),
                Instant.now(),
                UserCredentialsSet.class.getName(),
                null,
                storedPayload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> read = new CredentialsRemovalUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(read).hasSize(1);
        IntermediateEventRepresentation upcast = read.get(0);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(new String(upcast.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .doesNotContain("passwordHash", "bcrypt");
        assertThat(upcast.getSequenceNumber()).hasValue(1L);
        assertThat(serializer.<byte[], UserCredentialsSet>deserialize(upcast.getData(byte[].class)))
                .isEqualTo(new UserCredentialsSet(new UserId(userId)));
    }

    @Test
    void leavesTheCurrentRevisionAlone() {
        UserCredentialsSet current = new UserCredentialsSet(new UserId(UUID.randomUUID()));
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "User",
                current.userId().toString(),
                1,
                UUID.randomUUID().toString(),
                Instant.now(),
                UserCredentialsSet.class.getName(),
                "2",
                serializer.serialize(current, byte[].class).getData(),
                "{}".getBytes(StandardCharsets.UTF_8));
        InitialEventRepresentation representation = new InitialEventRepresentation(stored, serializer);

        assertThat(new CredentialsRemovalUpcaster()
                        .upcast(Stream.of(representation))
                        .toList())
                .containsExactly(representation);
    }
}
