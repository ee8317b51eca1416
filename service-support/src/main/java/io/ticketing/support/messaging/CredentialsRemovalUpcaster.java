package io.ticketing.support.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.user.UserCredentialsSet;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Takes the password hash out of every {@link UserCredentialsSet} of revision 1, stored before credentials left the
 * event stream. The stored event stays (an aggregate's sequence has no gaps); what reaches a handler, a replay or an
 * audit is revision 2, which has no hash.
 */
public class CredentialsRemovalUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType WITH_HASH =
            new SimpleSerializedType(UserCredentialsSet.class.getName(), null);
    private static final SimpleSerializedType WITHOUT_HASH =
            new SimpleSerializedType(UserCredentialsSet.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(WITH_HASH);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(WITHOUT_HASH, JsonNode.class, payload -> {
            ((ObjectNode) payload).remove("passwordHash");
            return payload;
        });
    }
}
