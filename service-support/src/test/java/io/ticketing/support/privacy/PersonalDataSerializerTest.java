package io.ticketing.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubjectKey;
import io.ticketing.coreapi.privacy.FindDataSubjectKey;
import io.ticketing.coreapi.user.Role;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserRegistered;
import io.ticketing.support.messaging.MessageSerialization;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Crypto-shredding at the serializer, with the user service's key answers played by a map. */
class PersonalDataSerializerTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final UserId grace = new UserId(UUID.randomUUID());
    private final UserRegistered adaRegistered = new UserRegistered(ada, "ada@example.com", "Ada Lovelace", Role.USER);
    private final Map<UserId, DataSubjectKey> keysOfTheUserService = new ConcurrentHashMap<>();
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private final JacksonSerializer plainJackson = MessageSerialization.jacksonSerializer();

    @BeforeEach
    void issueKeys() {
        issueKey(ada);
        issueKey(grace);
    }

    @Nested
    class WhileTheUserServiceAnswers {

        @BeforeEach
        void answerKeyQuestions() {
            theUserServiceAnswers();
        }

        @Test
        void storesPersonalDataOnlyEncryptedAndReadsItBack() {
            SerializedObject<byte[]> stored = newProcess().serialize(adaRegistered, byte[].class);

            assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                    .doesNotContain("ada@example.com", "Ada Lovelace")
                    .contains(ada.toString(), "USER");
            assertThat(stored.getType()).isEqualTo(plainJackson.typeForClass(UserRegistered.class));
            assertThat(newProcess().<byte[], UserRegistered>deserialize(stored)).isEqualTo(adaRegistered);
        }

        @Test
        void anErasedUsersPersonalDataReadsAsErasedWhetherEncryptedOrStoredInClear() {
            SerializedObject<byte[]> encrypted = newProcess().serialize(adaRegistered, byte[].class);
            SerializedObject<byte[]> inClear = plainJackson.serialize(
                    new UserEmailChanged(ada, "ada@example.com", "countess@example.com"), byte[].class);

            keysOfTheUserService.put(ada, new DataSubjectKey(ada, null, true));

            Serializer afterErasure = newProcess();
            assertThat(afterErasure.<byte[], UserRegistered>deserialize(encrypted))
                    .isEqualTo(new UserRegistered(ada, "[erased]", "[erased]", Role.USER));
            assertThat(afterErasure.<byte[], UserEmailChanged>deserialize(inClear))
                    .isEqualTo(new UserEmailChanged(ada, "[erased]", "[erased]"));
        }

        @Test
        void aValueStoredInClearBeforeEncryptionBeganStillReads() {
            SerializedObject<byte[]> inClear = plainJackson.serialize(adaRegistered, byte[].class);

            assertThat(newProcess().<byte[], UserRegistered>deserialize(inClear))
                    .isEqualTo(adaRegistered);
        }

        @Test
        void aCiphertextMovedIntoAnotherUsersEventDoesNotDecrypt() {
            Serializer serializer = newProcess();
            ObjectNode stolen = (ObjectNode)
                    serializer.serialize(adaRegistered, ObjectNode.class).getData();
            stolen.set("userId", plainJackson.getObjectMapper().valueToTree(grace));

            assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(
                            stolen, ObjectNode.class, serializer.typeForClass(UserRegistered.class))))
                    .hasRootCauseInstanceOf(AEADBadTagException.class);
        }

        @Test
        void refusesToStorePersonalDataOfAUserWithoutAKey() {
            UserId stranger = new UserId(UUID.randomUUID());

            assertThatThrownBy(() -> newProcess()
                            .serialize(
                                    new UserRegistered(stranger, "someone@example.com", "Someone", Role.USER),
                                    byte[].class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no personal-data key");
        }

        @Test
        void messagesWithoutPersonalDataAreStoredAsPlainJacksonWouldStoreThem() {
            BookingPlaced placed = new BookingPlaced(
                    new BookingId(UUID.randomUUID()), ada, new ShowId(UUID.randomUUID()), 2, "tok_visa");

            assertThat(newProcess().serialize(placed, String.class).getData())
                    .isEqualTo(plainJackson.serialize(placed, String.class).getData());
        }
    }

    @Test
    void waitsForAUserServiceThatIsNotAnsweringYet() {
        SerializedObject<byte[]> stored = plainJackson.serialize(adaRegistered, byte[].class);
        CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS).execute(this::theUserServiceAnswers);

        assertThat(newProcess().<byte[], UserRegistered>deserialize(stored)).isEqualTo(adaRegistered);
    }

    /** A serializer whose key answers are not yet remembered, as in another process. */
    private Serializer newProcess() {
        return MessageSerialization.eventSerializer(new DataSubjectKeys(() -> queryBus));
    }

    private void theUserServiceAnswers() {
        queryBus.subscribe(
                FindDataSubjectKey.class.getName(), DataSubjectKey.class, (QueryMessage<?, DataSubjectKey> query) -> {
                    UserId subject = ((FindDataSubjectKey) query.getPayload()).subject();
                    return keysOfTheUserService.getOrDefault(subject, new DataSubjectKey(subject, null, false));
                });
    }

    private void issueKey(UserId user) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        keysOfTheUserService.put(user, new DataSubjectKey(user, secret, false));
    }
}
