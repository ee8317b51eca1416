package io.ticketing.coordinator.operations;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.coordinator.saga.OperatorAction;
import io.ticketing.coordinator.saga.SagaSettings;
import io.ticketing.coordinator.saga.SagaStep;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sagas as operators need them: what each is doing, how long it has been at it, what went wrong, and the means
 * to push one along: retry its step, compensate, or abandon it.
 */
@RestController
@RequestMapping("/api/sagas")
@PreAuthorize("hasRole('ADMIN')")
class SagaOperationsController {

    enum State {
        ACTIVE,
        FAILED,
        STUCK,
        ENDED
    }

    private final SagaInstanceRepository instances;
    private final DeadlineManager deadlineManager;
    private final SagaSettings settings;

    SagaOperationsController(SagaInstanceRepository instances, DeadlineManager deadlineManager, SagaSettings settings) {
        this.instances = instances;
        this.deadlineManager = deadlineManager;
        this.settings = settings;
    }

    @GetMapping
    Page<SagaView> list(
            @RequestParam(defaultValue = "ACTIVE") State state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Instant now = Instant.now();
        Instant unchangedSince = now.minus(settings.stuckAfter());
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.ASC, "startedAt"));
        Page<SagaInstance> found = switch (state) {
            case ACTIVE -> instances.findByActive(true, request);
            case FAILED -> instances.findByActiveTrueAndLastErrorIsNotNull(request);
            case STUCK -> instances.findStuck(unchangedSince, request);
            case ENDED -> instances.findByActive(false, request);
        };
        return found.map(instance -> SagaView.of(instance, now, unchangedSince));
    }

    @PostMapping("/{sagaId}/{action}")
    @ApiResponse(responseCode = "202", description = "The saga carries the action out next")
    ResponseEntity<Void> act(@PathVariable String sagaId, @PathVariable String action) {
        OperatorAction operatorAction = parse(action);
        SagaInstance saga = instances
                .findById(sagaId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No saga " + sagaId));
        if (!saga.isActive()) {
            throw new IllegalStateException("Saga " + sagaId + " has ended (" + saga.getStep() + ")");
        }
        operatorAction.requireApplicableTo(saga.getSagaType());
        deadlineManager.schedule(
                Instant.now(),
                OperatorAction.DEADLINE_NAME,
                operatorAction,
                new SagaScopeDescriptor(saga.getSagaType(), sagaId));
        return ResponseEntity.accepted().build();
    }

    private static OperatorAction parse(String action) {
        try {
            return OperatorAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown action " + action + "; use retry, compensate or abandon");
        }
    }

    record SagaView(
            String sagaId,
            String sagaType,
            UUID bookingId,
            SagaStep step,
            boolean active,
            Instant deadlineAt,
            String lastError,
            Instant startedAt,
            Instant updatedAt,
            long ageSeconds,
            boolean stuck) {

        static SagaView of(SagaInstance saga, Instant now, Instant unchangedSince) {
            boolean stuck = saga.isActive()
                    && (saga.getLastError() != null
                            || (saga.getUpdatedAt().isBefore(unchangedSince)
                                    && (saga.getDeadlineAt() == null
                                            || saga.getDeadlineAt().isBefore(unchangedSince))));
            return new SagaView(
                    saga.getSagaId(),
                    saga.getSagaType(),
                    saga.getBookingId(),
                    saga.getStep(),
                    saga.isActive(),
                    saga.getDeadlineAt(),
                    saga.getLastError(),
                    saga.getStartedAt(),
                    saga.getUpdatedAt(),
                    Duration.between(saga.getStartedAt(), now).toSeconds(),
                    stuck);
        }
    }
}
