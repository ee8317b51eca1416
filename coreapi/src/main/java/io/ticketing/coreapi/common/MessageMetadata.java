package io.ticketing.coreapi.common;

/**
 * Metadata keys every message carries, so that an audit can follow a flow from the HTTP request that started it
 * to its last event.
 */
public final class MessageMetadata {

    /** The id of the first message of the flow; the same on every message the flow produces. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The trace the HTTP edge started (or received from its caller), for joining logs and traces. */
    public static final String TRACE_ID = "traceId";
    /** The user on whose behalf the flow runs, as the HTTP edge authenticated them. */
    public static final String ACTING_USER = "actingUser";

    private MessageMetadata() {}
}
