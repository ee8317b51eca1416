package io.ticketing.query.audit;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What happened, exactly and in order, straight from the event store: for admins and auditors. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class AuditController {

    /** The path's name for each kind of aggregate, and the type Axon stores its events under. */
    private static final Map<String, String> AGGREGATE_TYPES =
            Map.of("bookings", "Booking", "shows", "Show", "payments", "Payment", "users", "User");

    private final EventAuditor auditor;

    AuditController(EventAuditor auditor) {
        this.auditor = auditor;
    }

    @GetMapping("/{aggregateType}/{aggregateId}/events")
    List<AuditedEvent> events(@PathVariable String aggregateType, @PathVariable String aggregateId) {
        String type = AGGREGATE_TYPES.get(aggregateType);
        if (type == null) {
            throw new IllegalArgumentException("Unknown aggregate type " + aggregateType + "; known: "
                    + String.join(", ", AGGREGATE_TYPES.keySet()));
        }
        return auditor.streamOf(type, aggregateId)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + aggregateType + " " + aggregateId));
    }

    @GetMapping("/bookings/{bookingId}/state")
    BookingStateAsOf bookingAsOf(
            @PathVariable String bookingId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return auditor.bookingAsOf(bookingId, asOf)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Booking " + bookingId + " did not exist at " + asOf));
    }

    /**
     * Every event placed in [from, to), one JSON object a line, in global order, streamed as it is read. Without
     * {@code from} the export starts at the first event; without {@code to} it ends now.
     */
    @GetMapping("/export")
    @ApiResponse(
            responseCode = "200",
            description = "One event a line, in global order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                            schema = @Schema(implementation = AuditedEvent.class)))
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant until = to == null ? Instant.now() : to;
        if (from == null) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_NDJSON)
                    .body(out -> auditor.exportUntil(until, out));
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + until + ")");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_NDJSON)
                .body(out -> auditor.export(from, until, out));
    }
}
