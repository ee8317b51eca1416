package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standalone event store reads only what it knows an aggregate may have: a snapshot for one it knows to have one
 * (stored before it started, or stored by itself), events for one stored before it started or appended by itself. A
 * snapshot written behind its back, which only another store on the same database could write, goes unread: the
 * aggregate is loaded from its events. So do events appended behind its back, once it has learned what it holds.
 */
class AggregateReadsIT {

    @RegisterExtension
    static final ThrowawayEventStore store = new ThrowawayEventStore(4);

    @Test
    void anAggregateSnapshottedThroughTheStoreIsLoadedFromItsSnapshot() {
        String aggregateId = eventsOf("one", "two");

        store.eventStore().storeSnapshot(snapshotOf(aggregateId, 1));

        assertThat(store.eventStore().readEvents(aggregateId).next().getPayload())
                .isEqualTo("snapshot at 1");
    }

    @Test
    void anAggregateSnapshottedBeforeTheStoreStartedIsLoadedFromItsSnapshot() throws Exception {
        String aggregateId = eventsOf("one", "two");
        store.eventStore().storeSnapshot(snapshotOf(aggregateId, 1));

        ShortWindowEventStore startedAfter = anotherStore();
        try {
            assertThat(startedAfter.readEvents(aggregateId).next().getPayload()).isEqualTo("snapshot at 1");
        } finally {
            startedAfter.shutDown();
        }
    }

    @Test
    void aSnapshotTheStoreDoesNotKnowOfIsNotReadAndTheEventsAre() throws Exception {
        String aggregateId = eventsOf("one", "two");
        ShortWindowEventStore behindItsBack = anotherStore();
        try {
            behindItsBack.storeSnapshot(snapshotOf(aggregateId, 1));
        } finally {
            behindItsBack.shutDown();
        }

        assertThat(payloadsOf(store.eventStore().readEvents(aggregateId))).containsExactly("one", "two");
    }

    @Test
    void anAggregateStoredBeforeTheEngineStartedIsReadOnceItHasLearnedWhatItHolds() throws Exception {
        String aggregateId = eventsOf("one", "two");

        AggregateKnowingStorageEngine startedAfter = learnedEngine();

        assertThat(payloadsOf(startedAfter.readEvents(aggregateId))).containsExactly("one", "two");
    }

    @Test
    void anAggregateTheEngineAppendedIsReadFromItsFirstEvent() throws Exception {
        AggregateKnowingStorageEngine engine = learnedEngine();
        String aggregateId = UUID.randomUUID().toString();

        engine.appendEvents(new GenericDomainEventMessage<>("Probe", aggregateId, 0, "first"));

        assertThat(payloadsOf(engine.readEvents(aggregateId))).containsExactly("first");
    }

    @Test
    void eventsAppendedBehindItsBackGoUnreadOnceItHasLearnedWhatItHolds() throws Exception {
        AggregateKnowingStorageEngine engine = learnedEngine();

        String aggregateId = eventsOf("one", "two");

        assertThat(payloadsOf(engine.readEvents(aggregateId))).isEmpty();
    }

    /** A new aggregate's events, its identifier returned. */
    private static String eventsOf(String... payloads) {
        String aggregateId = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < payloads.length; sequence++) {
            store.eventStore()
                    .publish(new GenericDomainEventMessage<>("Probe", aggregateId, sequence, payloads[sequence]));
        }
        return aggregateId;
    }

    private static DomainEventMessage<String> snapshotOf(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, "snapshot at " + sequence);
    }

    private static List<Object> payloadsOf(DomainEventStream events) {
        return events.asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private static AggregateKnowingStorageEngine learnedEngine() throws Exception {
        AggregateKnowingStorageEngine engine = EventStoreFactory.storageEngine(
                store.database(), SimpleQueryBus.builder().build());
        engine.storedAggregatesLearned().get(30, TimeUnit.SECONDS);
        return engine;
    }

    private static ShortWindowEventStore anotherStore() throws Exception {
        return EventStoreFactory.eventStore(
                store.database(), SimpleQueryBus.builder().build());
    }
}
