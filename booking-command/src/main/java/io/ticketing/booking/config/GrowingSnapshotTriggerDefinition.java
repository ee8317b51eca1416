package io.ticketing.booking.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate whose state grows with its events, such as a show that remembers every booking's
 * reservation, once the events since its last snapshot are a given share of all its events, and never sooner than a
 * given number of events.
 * <p>
 * A snapshot costs as much as the state it holds: Axon reads the last one and the events after it, and writes the
 * whole state again. With a snapshot every fixed number of events, a show's sale costs in the square of its size: at
 * 20,000 reservations, every hundredth writes and reads back 20,000 again, on the thread of the reservation that
 * triggered it, while the show's next reservations wait for it. Snapshotting when a fixed share of the events is
 * new keeps what a reservation costs the same however large the show, and a show loaded from the event store still
 * reads at most that share of its events after its snapshot.
 */
final class GrowingSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int fewestEvents;
    private final int eventsPerNewEvent;

    /**
     * @param fewestEvents      the fewest events between two snapshots
     * @param eventsPerNewEvent how many of an aggregate's events there are to each one new since the last snapshot
     *                          when the next is taken: with 10, once a tenth of its events are new
     */
    GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int fewestEvents, int eventsPerNewEvent) {
        if (fewestEvents < 1 || eventsPerNewEvent < 1) {
            throw new IllegalArgumentException("Snapshots come after at least one event, and a share of at most all");
        }
        this.snapshotter = snapshotter;
        this.fewestEvents = fewestEvents;
        this.eventsPerNewEvent = eventsPerNewEvent;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new GrowingSnapshotTrigger(snapshotter, aggregateType, fewestEvents, eventsPerNewEvent);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        // A trigger comes back from a cache of aggregates without its snapshotter, which is no part of its state.
        if (trigger instanceof GrowingSnapshotTrigger growing) {
            growing.setSnapshotter(snapshotter);
            return growing;
        }
        return prepareTrigger(aggregateType);
    }

    private static final class GrowingSnapshotTrigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int fewestEvents;
        private final int eventsPerNewEvent;
        private long eventsSinceSnapshot;
        private long eventsInAll;

        GrowingSnapshotTrigger(
                Snapshotter snapshotter, Class<?> aggregateType, int fewestEvents, int eventsPerNewEvent) {
            super(snapshotter, aggregateType);
            this.fewestEvents = fewestEvents;
            this.eventsPerNewEvent = eventsPerNewEvent;
        }

        @Override
        public void eventHandled(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                eventsInAll = domainEvent.getSequenceNumber() + 1;
            }
            super.eventHandled(event);
        }

        @Override
        protected boolean exceedsThreshold() {
            eventsSinceSnapshot++;
            return eventsSinceSnapshot >= fewestEvents && eventsSinceSnapshot * eventsPerNewEvent >= eventsInAll;
        }

        @Override
        protected void reset() {
            eventsSinceSnapshot = 0;
        }
    }
}
