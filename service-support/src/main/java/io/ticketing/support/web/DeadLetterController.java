package io.ticketing.support.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The events this service's projections failed to handle, parked in Axon's dead-letter queue in the service's own
 * database, and a way to process them again once the cause is fixed.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterController {

    private final EventProcessingConfiguration processing;

    public DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every processing group that has a dead-letter queue, with the letters in it, sequence by sequence. */
    @GetMapping
    Map<String, List<Letter>> list() {
        Map<String, List<Letter>> byGroup = new TreeMap<>();
        processing
                .eventProcessors()
                .keySet()
                .forEach(group ->
                        processing.deadLetterQueue(group).ifPresent(queue -> byGroup.put(group, lettersIn(queue))));
        return byGroup;
    }

    /** Processes the group's dead letters again, sequence by sequence; what fails again stays in the queue. */
    @PostMapping("/{processingGroup}/retry")
    Retried retry(@PathVariable String processingGroup) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No dead-letter queue for processing group " + processingGroup));
        long sequences = processing
                .deadLetterQueue(processingGroup)
                .map(SequencedDeadLetterQueue::amountOfSequences)
                .orElse(0L);
        int processed = 0;
        for (long attempt = 0; attempt < sequences && processor.processAny(); attempt++) {
            processed++;
        }
        long left = processing
                .deadLetterQueue(processingGroup)
                .map(SequencedDeadLetterQueue::size)
                .orElse(0L);
        return new Retried(processed, left);
    }

    private static List<Letter> lettersIn(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            StreamSupport.stream(sequence.spliterator(), false).map(Letter::of).forEach(letters::add);
        }
        return letters;
    }

    record Letter(
            String eventId,
            String eventType,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {

        static Letter of(DeadLetter<? extends EventMessage<?>> letter) {
            Optional<Cause> cause = letter.cause();
            return new Letter(
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getName(),
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    cause.map(Cause::type).orElse(null),
                    cause.map(Cause::message).orElse(null));
        }
    }

    record Retried(int sequencesProcessed, long lettersLeft) {}
}
