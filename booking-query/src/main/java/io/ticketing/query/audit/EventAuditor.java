package io.ticketing.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.user.UserCredentialsSet;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the event store for auditors: one aggregate's stream in order, or every event of a time range in global
 * order, streamed. Credentials never leave: a password hash is shown as redacted.
 */
@Component
public class EventAuditor {

    static final String REDACTED = "[redacted]";
    /** How long the export waits for more events before it decides it has reached the end of the stream. */
    private static final int END_OF_STREAM_MILLIS = 500;

    private final EventStore eventStore;
    private final ObjectMapper objectMapper;
    /** Many values to one response: the writer must not close it after each. */
    private final ObjectWriter lines;

    public EventAuditor(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
        this.lines = objectMapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The aggregate's events in order, or empty when no aggregate of that type has the id. */
    public Optional<List<AuditedEvent>> streamOf(String aggregateType, String aggregateId) {
        List<AuditedEvent> events = new ArrayList<>();
        // From the first event: the plain read starts at the latest snapshot, which shows take every 100 events.
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!aggregateType.equals(event.getType())) {
                return Optional.empty();
            }
            events.add(audited(event, null));
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }

    /** The booking as it stood at {@code asOf}, rebuilt from its events up to then. */
    public Optional<BookingStateAsOf> bookingAsOf(String bookingId, Instant asOf) {
        return BookingStateAsOf.replay(eventStore.readEvents(bookingId, 0), asOf);
    }

    /**
     * Writes every event from {@code from} (inclusive) to {@code to} (exclusive) as one JSON object a line, in
     * global order, as it reads them: the export never holds the range in memory.
     */
    public void export(Instant from, Instant to, OutputStream out) throws IOException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createTokenAt(from))) {
            while (stream.hasNextAvailable(END_OF_STREAM_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!event.getTimestamp().isBefore(to)) {
                    break;
                }
                if (event.getTimestamp().isBefore(from)) {
                    continue;
                }
                Long position = event.trackingToken().position().isPresent()
                        ? event.trackingToken().position().getAsLong() : null;
                lines.writeValue(out, audited(event, position));
                out.write('\n');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    private AuditedEvent audited(EventMessage<?> event, Long globalPosition) {
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        return new AuditedEvent(globalPosition,
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? 0 : domainEvent.getSequenceNumber(),
                event.getPayloadType().getName(), event.getTimestamp(), payloadOf(event),
                new TreeMap<>(event.getMetaData()));
    }

    private JsonNode payloadOf(EventMessage<?> event) {
        JsonNode payload = objectMapper.valueToTree(event.getPayload());
        if (event.getPayload() instanceof UserCredentialsSet && payload instanceof ObjectNode credentials) {
            credentials.put("passwordHash", REDACTED);
        }
        return payload;
    }
}
