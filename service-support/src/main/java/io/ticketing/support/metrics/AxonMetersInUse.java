package io.ticketing.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's dimensional meters, less those nobody reads. Axon builds its meters anew for every message each component
 * ingests, and every event processor ingests every event, also those it ignores: a dozen registry lookups per event
 * and processor, most of a booking's meter cost. What stays is what the Grafana dashboard and {@code MetricsIT}
 * read: the processors' latency, capacity and counters of handled and failed events, made once for each processor
 * ({@link EventProcessorMeters}), and the command and query buses' timers and counters. What goes: the processors'
 * timers per payload type and their counts of ingested and ignored events, and the meters of the event bus and of the
 * query update emitter, which see every event appended and every dashboard update sent.
 */
class AxonMetersInUse extends GlobalMetricRegistry {

    /** Axon's name for its event processors' meters, which dashboards query. */
    static final String EVENT_PROCESSOR_METERS = "eventProcessor";

    AxonMetersInUse(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(
            Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new EventProcessorMeters(EVENT_PROCESSOR_METERS, componentName, getRegistry());
        }
        if (EventBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return NoOpMessageMonitor.instance();
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }
}
