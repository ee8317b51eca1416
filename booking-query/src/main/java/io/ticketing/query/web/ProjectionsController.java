package io.ticketing.query.web;

import io.ticketing.query.projection.DashboardProjection;
import io.ticketing.query.projection.DashboardRebuild;
import io.ticketing.query.projection.RebuildProgress;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The projections' processors: where each stands in the event stream, and rebuilding the dashboards. */
@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DashboardRebuild rebuild;

    ProjectionsController(EventProcessingConfiguration processing, EventStore eventStore, DashboardRebuild rebuild) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuild = rebuild;
    }

    @GetMapping
    List<ProcessorView> processors() {
        long head = positionOf(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> ProcessorView.of(processor, head,
                        processor.getName().equals(DashboardProjection.PROCESSING_GROUP) ? rebuild.progress() : null))
                .toList();
    }

    /**
     * Rebuilds the processing group's tables from the first event, aside, and swaps them in once they have caught
     * up; the dashboards answer from the old tables until then. Progress shows in {@code GET}.
     */
    @PostMapping("/{processingGroup}/replay")
    ResponseEntity<RebuildProgress> replay(@PathVariable String processingGroup) {
        if (!processingGroup.equals(DashboardProjection.PROCESSING_GROUP)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No rebuildable projection " + processingGroup
                    + "; this service has " + DashboardProjection.PROCESSING_GROUP);
        }
        return ResponseEntity.accepted().body(rebuild.start());
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    record ProcessorView(String name, boolean running, boolean error, long position, long headPosition, long lag,
                         boolean replaying, RebuildProgress rebuild) {

        static ProcessorView of(StreamingEventProcessor processor, long head, RebuildProgress rebuild) {
            long position = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .min().orElse(0);
            boolean error = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            return new ProcessorView(processor.getName(), processor.isRunning(), error, position, head,
                    Math.max(0, head - position), processor.isReplaying(), rebuild);
        }
    }
}
