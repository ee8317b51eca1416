package io.ticketing.booking.config;

import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A show collects an event for every reservation; a snapshot now and then keeps loading it cheap. It is taken every
 * hundred events while the show is young, and once a tenth of its events are new when it has a thousand or more.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    /** A show loaded from its snapshot replays at most a tenth of its events after it. */
    private static final int EVENTS_PER_NEW_EVENT = 10;

    @Bean
    SnapshotTriggerDefinition showSnapshotTrigger(
            Snapshotter snapshotter, @Value("${booking.show-snapshot-threshold:100}") int fewestEvents) {
        return new GrowingSnapshotTriggerDefinition(snapshotter, fewestEvents, EVENTS_PER_NEW_EVENT);
    }
}
