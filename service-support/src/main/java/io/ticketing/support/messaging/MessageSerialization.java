package io.ticketing.support.messaging;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ticketing.support.privacy.DataSubjectKeys;
import io.ticketing.support.privacy.PersonalDataSerializer;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The one serializer for every message, token and saga of the platform. XStream cannot read records, so Axon's
 * default is never used. Events are written once and read for years: the format is owned here, apart from whatever
 * the HTTP layer's JSON settings become.
 */
public final class MessageSerialization {

    private MessageSerialization() {}

    public static JacksonSerializer jacksonSerializer() {
        JsonMapper objectMapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Sagas keep their state in private fields without accessors.
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .build();
        return JacksonSerializer.builder()
                .objectMapper(objectMapper)
                .lenientDeserialization()
                .build();
    }

    /** Events are stored for good: their personal data is encrypted, so that erasing a user can reach it. */
    public static Serializer eventSerializer(DataSubjectKeys keys) {
        return new PersonalDataSerializer(jacksonSerializer(), keys);
    }

    /** Every change to a stored event's format, applied as events are read. */
    public static List<EventUpcaster> upcasters() {
        return List.of(new CredentialsRemovalUpcaster());
    }
}
