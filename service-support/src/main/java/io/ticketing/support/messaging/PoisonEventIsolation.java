package io.ticketing.support.messaging;

import java.util.List;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the one event that broke a batch. Axon's dead-letter queue catches what an event handler throws, but a
 * projection's rows can also fail when the batch's transaction flushes or commits (a NUL byte in a text column, a
 * value longer than its column), after every handler has returned: then the whole batch rolls back, and Axon's
 * default retries it for ever, stalling the projection for every user.
 * <p>
 * For a processing group with a dead-letter queue, such a batch is handled again one event at a time, each in a
 * transaction of its own that also stores the event's token: what succeeds alone is applied once, what fails alone
 * goes to the dead-letter queue (and parks the rest of its sequence there, as Axon does), and the processor moves
 * on. A group without a queue, such as a saga, keeps Axon's behaviour: the failure propagates and the batch is
 * retried with back-off. So does any batch whose events cannot even be set aside, when the database is down.
 */
public class PoisonEventIsolation implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PoisonEventIsolation.class);

    private final EventProcessingConfiguration processing;

    public PoisonEventIsolation(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        String group = context.eventProcessor();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        Optional<AbstractEventProcessor> processor = processing
                .eventProcessor(group, AbstractEventProcessor.class)
                .filter(StreamingEventProcessor.class::isInstance);
        if (queue.isEmpty() || processor.isEmpty()) {
            throw asException(context.error());
        }
        log.warn(
                "A batch of {} events failed in {}; handling them one at a time to set the failing one aside",
                context.failedEvents().size(),
                group,
                context.error());
        for (EventMessage<?> event : context.failedEvents()) {
            handleAlone(group, processor.get(), queue.get(), event);
        }
    }

    private void handleAlone(
            String group,
            AbstractEventProcessor processor,
            SequencedDeadLetterQueue<EventMessage<?>> queue,
            EventMessage<?> event)
            throws Exception {
        Object sequence = Optional.ofNullable(processing.sequencingPolicy(group).getSequenceIdentifierFor(event))
                .orElseGet(event::getIdentifier);
        Segment segment = segmentOf((StreamingEventProcessor) processor, sequence);
        try {
            inTransactionWithToken(
                    group, segment, event, () -> processor.eventHandlerInvoker().handle(event, segment));
        } catch (Exception failedAlone) {
            log.warn(
                    "Event {} ({}) fails on its own in {}; it goes to the dead-letter queue",
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    group,
                    failedAlone);
            inTransactionWithToken(
                    group,
                    segment,
                    event,
                    () -> queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, failedAlone)));
            forgetQueuedSequences(processor.eventHandlerInvoker(), segment);
        }
    }

    /**
     * Axon's dead-lettering invoker can keep in memory which sequences of a segment are in the queue
     * ({@code dlq.cache.enabled}), and learns of a sequence only as it enqueues one itself: told nothing of a letter
     * enqueued past it, it would hand the sequence's later events to the handlers, out of order. A released segment's
     * memory is dropped, and the invoker reads the queue again. (Axon's invoker of several processing groups, which
     * holds its delegates flattened, does not pass a release on, so each delegate is told.)
     */
    private static void forgetQueuedSequences(EventHandlerInvoker invoker, Segment segment) {
        List<EventHandlerInvoker> invokers =
                invoker instanceof MultiEventHandlerInvoker several ? several.delegates() : List.of(invoker);
        invokers.forEach(each -> each.segmentReleased(segment));
    }

    private void inTransactionWithToken(String group, Segment segment, EventMessage<?> event, Step step)
            throws Exception {
        TransactionManager transactions = processing.transactionManager(group);
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(committing -> {
            if (event instanceof TrackedEventMessage<?> tracked) {
                processing.tokenStore(group).storeToken(tracked.trackingToken(), group, segment.getSegmentId());
            }
        });
        var result = unitOfWork.executeWithResult(() -> {
            step.run();
            return null;
        });
        if (result.isExceptional()) {
            throw asException(result.exceptionResult());
        }
    }

    /** The segment of this processor that owns the sequence; the failed batch came from one of its own. */
    private static Segment segmentOf(StreamingEventProcessor processor, Object sequence) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getSegment)
                .filter(segment -> segment.matches(sequence))
                .findFirst()
                .orElse(Segment.ROOT_SEGMENT);
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Exception exception) {
            return exception;
        }
        throw (Error) failure;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
