package io.ticketing.support.metrics;

import static org.axonframework.micrometer.TagsUtil.PAYLOAD_TYPE_TAG;
import static org.axonframework.micrometer.TagsUtil.PROCESSOR_NAME_TAG;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.function.Function;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's dimensional meters, less those nobody reads. Axon builds its meters anew for every message each component
 * ingests, and every event processor ingests every event, also those it ignores: a dozen registry lookups per event
 * and processor, most of a booking's meter cost. What stays is what the Grafana dashboard and {@code MetricsIT}
 * read: the processors' latency, capacity and counters, and the command and query buses' timers and counters. What
 * goes: the processors' timers per payload type, and the meters of the event bus and of the query update emitter,
 * which see every event appended and every dashboard update sent.
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
            return eventProcessorMonitor(componentName);
        }
        if (EventBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return NoOpMessageMonitor.instance();
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }

    /** Tagged as Axon tags them: the latency by processor, the rest by processor and payload type. */
    private MessageMonitor<EventMessage<?>> eventProcessorMonitor(String processor) {
        Function<Message<?>, Iterable<Tag>> byPayloadType = message ->
                Tags.of(PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(), PROCESSOR_NAME_TAG, processor);
        Tags byProcessor = Tags.of(PROCESSOR_NAME_TAG, processor);
        return new MultiMessageMonitor<EventMessage<?>>(
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(EVENT_PROCESSOR_METERS)
                        .meterRegistry(getRegistry())
                        .tagsBuilder(message -> byProcessor)
                        .build(),
                CapacityMonitor.buildMonitor(EVENT_PROCESSOR_METERS, getRegistry(), byPayloadType),
                MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR_METERS, getRegistry(), byPayloadType));
    }
}
