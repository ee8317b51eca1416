package io.ticketing.support.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubject;
import io.ticketing.coreapi.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which components of a message type are {@link PersonalData}, and whose: read once a type from its annotations. */
record PersonalFields(String subjectComponent, List<String> personalComponents) {

    private static final PersonalFields NONE = new PersonalFields(null, List.of());
    private static final ClassValue<PersonalFields> BY_TYPE = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return read(type);
        }
    };

    static PersonalFields of(Class<?> type) {
        return BY_TYPE.get(type);
    }

    boolean any() {
        return !personalComponents.isEmpty();
    }

    UserId subjectIn(JsonNode message, ObjectMapper objectMapper) {
        try {
            return objectMapper.treeToValue(message.get(subjectComponent), UserId.class);
        } catch (Exception unreadable) {
            throw new IllegalStateException("The data subject of a message is unreadable", unreadable);
        }
    }

    /** Replaces each personal value of {@code message} that is not null by what {@code change} makes of it. */
    void rewrite(ObjectNode message, PersonalValueChange change) {
        for (String component : personalComponents) {
            JsonNode value = message.get(component);
            if (value != null && value.isTextual()) {
                message.put(component, change.apply(component, value.asText()));
            }
        }
    }

    @FunctionalInterface
    interface PersonalValueChange {
        String apply(String component, String value);
    }

    private static PersonalFields read(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> personal = new ArrayList<>();
        for (RecordComponent component : components) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                require(
                        component.getType() == String.class,
                        type,
                        "@PersonalData " + component.getName() + " must be a String");
                personal.add(component.getName());
            }
        }
        if (personal.isEmpty()) {
            return NONE;
        }
        List<RecordComponent> subjects = Arrays.stream(components)
                .filter(component -> component.isAnnotationPresent(DataSubject.class))
                .toList();
        require(
                subjects.size() == 1 && subjects.get(0).getType() == UserId.class,
                type,
                "personal data needs exactly one @DataSubject UserId");
        return new PersonalFields(subjects.get(0).getName(), List.copyOf(personal));
    }

    private static void require(boolean condition, Class<?> type, String rule) {
        if (!condition) {
            throw new IllegalStateException(type.getName() + ": " + rule);
        }
    }
}
