package io.ticketing.support.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubjectKey;
import io.ticketing.coreapi.privacy.PersonalData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer: Jackson's, with every {@link PersonalData} value encrypted by its subject's key on the way
 * into the store and decrypted on the way out (crypto-shredding). Once a user is erased their key is gone, and every
 * personal value of theirs reads as {@link PersonalData#ERASED}, in a replay as in an audit, including values stored
 * in clear before encryption began. Messages without personal data pass straight through.
 */
public class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper objectMapper;
    private final DataSubjectKeys keys;

    public PersonalDataSerializer(JacksonSerializer delegate, DataSubjectKeys keys) {
        this.delegate = delegate;
        this.objectMapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalFields.of(object.getClass()).any()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        PersonalFields fields = PersonalFields.of(object.getClass());
        ObjectNode message = objectMapper.valueToTree(object);
        UserId subject = fields.subjectIn(message, objectMapper);
        DataSubjectKey key = keys.keyOf(subject);
        if (key.secret() == null && !key.erased()) {
            throw new IllegalStateException("User " + subject + " has no personal-data key: the user service issues"
                    + " one before it sends a command that records personal data");
        }
        fields.rewrite(
                message,
                (component, value) -> key.erased()
                        ? PersonalData.ERASED
                        : PersonalDataCipher.encrypt(key.secret(), context(subject, component), value));
        SerializedObject<JsonNode> encrypted =
                new SimpleSerializedObject<>(message, JsonNode.class, typeForClass(object.getClass()));
        return getConverter().convert(encrypted, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalFields fields = PersonalFields.of(classForType(serializedObject.getType()));
        if (!fields.any()) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode message = getConverter()
                .convert(serializedObject, JsonNode.class)
                .getData()
                .deepCopy();
        UserId subject = fields.subjectIn(message, objectMapper);
        DataSubjectKey key = keys.keyOf(subject);
        fields.rewrite(message, (component, value) -> readable(key, context(subject, component), value));
        return delegate.deserialize(new SimpleSerializedObject<>(message, JsonNode.class, serializedObject.getType()));
    }

    /** Erased reads as erased, whether it was encrypted or stored in clear; a value without a key cannot be read. */
    private static String readable(DataSubjectKey key, String context, String value) {
        if (key.erased() || (key.secret() == null && PersonalDataCipher.isEncrypted(value))) {
            return PersonalData.ERASED;
        }
        return PersonalDataCipher.isEncrypted(value) ? PersonalDataCipher.decrypt(key.secret(), context, value) : value;
    }

    private static String context(UserId subject, String component) {
        return subject + "/" + component;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
