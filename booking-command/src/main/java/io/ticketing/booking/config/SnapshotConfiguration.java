package io.ticketing.booking.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A show collects an event for every reservation; a snapshot now and then keeps loading it cheap. */
@Configuration(proxyBeanMethods = false)
class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition showSnapshotTrigger(
            Snapshotter snapshotter, @Value("${booking.show-snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
