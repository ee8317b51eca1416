package io.ticketing.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.coreapi.pipeline.FindRefusedBookings;
import io.ticketing.coreapi.pipeline.FindSagaLag;
import io.ticketing.coreapi.pipeline.RefusedBookings;
import io.ticketing.coreapi.pipeline.SagaLag;
import io.ticketing.query.projection.DashboardProjection;
import io.ticketing.query.projection.DashboardRebuild;
import io.ticketing.query.projection.RebuildProgress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The projections' processors: where each stands in the event stream, and rebuilding the dashboards. The booking
 * saga's row, as its coordinators and the booking services tell it, shows how far behind bookings are carried out
 * and how many admission control has refused for that.
 */
@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsController {

    private static final String BOOKING_SAGA = "booking-saga";
    private static final long ASK_TIMEOUT_MILLIS = 2_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DashboardRebuild rebuild;
    private final QueryGateway queries;

    ProjectionsController(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            DashboardRebuild rebuild,
            QueryGateway queries) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuild = rebuild;
        this.queries = queries;
    }

    @GetMapping
    List<ProcessorView> processors() {
        long head = positionOf(eventStore.createHeadToken());
        Stream<ProcessorView> own = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                // Its progress is the dashboards' rebuild.
                .filter(processor -> !processor.getName().equals(DashboardRebuild.PROCESSING_GROUP))
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> ProcessorView.of(
                        processor,
                        head,
                        processor.getName().equals(DashboardProjection.PROCESSING_GROUP) ? rebuild.progress() : null));
        return Stream.concat(own, bookingSaga().stream()).toList();
    }

    /**
     * Rebuilds the processing group's tables from the first event, aside, and swaps them in once they have caught
     * up; the dashboards answer from the old tables until then. Progress shows in {@code GET}.
     */
    @PostMapping("/{processingGroup}/replay")
    @ApiResponse(responseCode = "202", description = "The rebuild has started", useReturnTypeSchema = true)
    ResponseEntity<RebuildProgress> replay(@PathVariable String processingGroup) {
        if (!processingGroup.equals(DashboardProjection.PROCESSING_GROUP)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "No rebuildable projection " + processingGroup + "; this service has "
                            + DashboardProjection.PROCESSING_GROUP);
        }
        return ResponseEntity.accepted().body(rebuild.start());
    }

    /** The booking saga's row, when a coordinator answers. */
    private Optional<ProcessorView> bookingSaga() {
        SagaLag saga = queries.query(new FindSagaLag(), SagaLag.class)
                .orTimeout(ASK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .exceptionally(unanswered -> null)
                .join();
        if (saga == null) {
            return Optional.empty();
        }
        List<RefusedBookings> refusals = queries.scatterGather(
                        new FindRefusedBookings(),
                        ResponseTypes.instanceOf(RefusedBookings.class),
                        ASK_TIMEOUT_MILLIS,
                        TimeUnit.MILLISECONDS)
                .toList();
        return Optional.of(new ProcessorView(
                BOOKING_SAGA,
                null,
                null,
                saga.position(),
                saga.headPosition(),
                saga.eventsBehind(),
                false,
                null,
                saga.lagMillis(),
                new Admission(
                        refusals.stream()
                                .mapToLong(RefusedBookings::maxLagMillis)
                                .max()
                                .orElse(0),
                        refusals.stream().mapToLong(RefusedBookings::refused).sum())));
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * @param running   whether this service runs it; not known of the booking saga, which runs elsewhere
     * @param lag       events between the processor and the head of the stream
     * @param lagMillis the booking saga's: how long its oldest unhandled event has waited
     * @param admission the booking saga's: the lag above which bookings are refused, and how many were
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProcessorView(
            String name,
            Boolean running,
            Boolean error,
            long position,
            long headPosition,
            long lag,
            boolean replaying,
            RebuildProgress rebuild,
            Long lagMillis,
            Admission admission) {

        static ProcessorView of(StreamingEventProcessor processor, long head, RebuildProgress rebuild) {
            long position = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .min()
                    .orElse(0);
            boolean error = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            return new ProcessorView(
                    processor.getName(),
                    processor.isRunning(),
                    error,
                    position,
                    head,
                    Math.max(0, head - position),
                    processor.isReplaying(),
                    rebuild,
                    null,
                    null);
        }
    }

    record Admission(long maxLagMillis, long refusedBookings) {}
}
