package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standalone event store reads a snapshot only for an aggregate it knows to have one: one stored before it
 * started, or one it stored itself. A snapshot written behind its back, which only another store on the same
 * database could write, goes unread: the aggregate is loaded from its events.
 */
class SnapshotReadsIT {

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

        assertThat(store.eventStore().readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactly("one", "two");
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

    private static ShortWindowEventStore anotherStore() throws Exception {
        return EventStoreFactory.eventStore(
                store.database(), SimpleQueryBus.builder().build());
    }
}
