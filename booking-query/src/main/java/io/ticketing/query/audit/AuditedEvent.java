package io.ticketing.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One event as auditors read it.
 *
 * @param globalPosition where it stands in the whole stream, when read in global order; {@code null} otherwise
 */
public record AuditedEvent(
        Long globalPosition,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String eventType,
        Instant timestamp,
        JsonNode payload,
        Map<String, Object> metadata) {}
