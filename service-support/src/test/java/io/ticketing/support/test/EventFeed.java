package io.ticketing.support.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands events to one projection's handlers as its streaming processor does: each event a tracked message with its
 * own place in the stream and its own time, a batch of them in one transaction of the projection's database.
 */
public final class EventFeed {

    private final AnnotationEventHandlerAdapter handlers;
    private final TransactionTemplate transactions;
    private long lastPosition;

    public EventFeed(Object projection, PlatformTransactionManager transactionManager) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The event as the store would hand it over: published at {@code at}, next in the stream. */
    public TrackedEventMessage<?> event(Object payload, Instant at) {
        return new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(++lastPosition),
                new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(), at));
    }

    /** Each payload as the next event, all published at {@code at}, handled in one transaction. */
    public List<TrackedEventMessage<?>> deliver(Instant at, Object... payloads) {
        List<TrackedEventMessage<?>> batch = Arrays.stream(payloads)
                .<TrackedEventMessage<?>>map(payload -> event(payload, at))
                .toList();
        deliver(batch);
        return batch;
    }

    /** Handles the batch in one transaction, committed. */
    public void deliver(List<? extends EventMessage<?>> batch) {
        transactions.executeWithoutResult(transaction -> batch.forEach(this::handle));
    }

    /** Handles the batch in one transaction that rolls back, as when the processor fails before it commits. */
    public void deliverAndRollBack(List<? extends EventMessage<?>> batch) {
        transactions.executeWithoutResult(transaction -> {
            batch.forEach(this::handle);
            transaction.setRollbackOnly();
        });
    }

    /** Runs the projection's reset handler, as a replay from the first event does. */
    public void reset() {
        transactions.executeWithoutResult(transaction -> handlers.prepareReset());
    }

    private void handle(EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The projection failed on " + event.getPayloadType().getSimpleName(), e);
        }
    }
}
