package io.ticketing.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.coreapi.privacy.MaskedInAudits;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the event store for auditors: one aggregate's stream in order, or every event of a time range in global
 * order, streamed. Payloads are shown as the services read them: an erased user's personal data as erased, and
 * secrets marked {@link MaskedInAudits} by their last four characters only.
 */
@Component
public class EventAuditor {

    private static final int SHOWN_CHARACTERS = 4;
    private static final String MASK = "****";
    private static final ClassValue<List<String>> MASKED_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return type.isRecord()
                    ? Arrays.stream(type.getRecordComponents())
                            .filter(component -> component.isAnnotationPresent(MaskedInAudits.class))
                            .map(RecordComponent::getName)
                            .toList()
                    : List.of();
        }
    };
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
        export(eventStore.createTokenAt(from), from, to, out);
    }

    /**
     * Writes every event from the first one to {@code to} (exclusive), as
     * {@link #export(Instant, Instant, OutputStream)} does.
     */
    public void exportUntil(Instant to, OutputStream out) throws IOException {
        export(eventStore.createTailToken(), Instant.MIN, to, out);
    }

    private void export(TrackingToken start, Instant from, Instant to, OutputStream out) throws IOException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (stream.hasNextAvailable(END_OF_STREAM_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!event.getTimestamp().isBefore(to)) {
                    break;
                }
                if (event.getTimestamp().isBefore(from)) {
                    continue;
                }
                Long position = event.trackingToken().position().isPresent()
                        ? event.trackingToken().position().getAsLong()
                        : null;
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
        return new AuditedEvent(
                globalPosition,
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? 0 : domainEvent.getSequenceNumber(),
                event.getPayloadType().getName(),
                event.getTimestamp(),
                payloadOf(event),
                new TreeMap<>(event.getMetaData()));
    }

    private JsonNode payloadOf(EventMessage<?> event) {
        JsonNode payload = objectMapper.valueToTree(event.getPayload());
        if (payload instanceof ObjectNode fields) {
            for (String component : MASKED_COMPONENTS.get(event.getPayloadType())) {
                if (fields.path(component).isTextual()) {
                    fields.put(component, masked(fields.get(component).asText()));
                }
            }
        }
        return payload;
    }

    static String masked(String secret) {
        return secret.length() <= SHOWN_CHARACTERS ? MASK : MASK + secret.substring(secret.length() - SHOWN_CHARACTERS);
    }
}
