package io.ticketing.support.metrics;

import static org.axonframework.micrometer.TagsUtil.PAYLOAD_TYPE_TAG;
import static org.axonframework.micrometer.TagsUtil.PROCESSOR_NAME_TAG;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.TimeWindowSum;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * One event processor's meters, under the names and tags Axon gives them: its latency, its capacity, and the events
 * it handled and failed, by payload type.
 * <p>
 * Axon's own monitors look every meter up in the registry again for each event, and keep each event's handling time
 * for ten minutes to compute the capacity; every processor ingests every event, also those it ignores. These meters
 * are made once (the counters once a payload type), an ignored event only moves the latency, and the capacity is a
 * sum kept in ten buckets.
 * <p>
 * The capacity is, as Axon computes it, the time spent handling events over the last ten minutes (nine to ten, as the
 * buckets turn), as a share of those minutes: above 1 when segments handle events side by side.
 */
final class EventProcessorMeters implements MessageMonitor<EventMessage<?>> {

    private static final Duration CAPACITY_WINDOW = Duration.ofMinutes(10);
    private static final int CAPACITY_BUCKETS = 10;

    private final MeterRegistry registry;
    private final Clock clock;
    private final String meterNamePrefix;
    private final Tags processorTag;
    private final AtomicLong latencyMillis = new AtomicLong();
    private final Map<Class<?>, HandledCounters> countersByPayloadType = new ConcurrentHashMap<>();
    private final TimeWindowSum busyNanos =
            new TimeWindowSum(CAPACITY_BUCKETS, CAPACITY_WINDOW.dividedBy(CAPACITY_BUCKETS));

    EventProcessorMeters(String meterNamePrefix, String processor, MeterRegistry registry) {
        this.registry = registry;
        this.clock = registry.config().clock();
        this.meterNamePrefix = meterNamePrefix;
        this.processorTag = Tags.of(PROCESSOR_NAME_TAG, processor);
        Gauge.builder(meterNamePrefix + ".latency", latencyMillis, AtomicLong::get)
                .tags(processorTag)
                .description("Milliseconds between the last event's timestamp and its handling by the processor")
                .register(registry);
        Gauge.builder(meterNamePrefix + ".capacity", busyNanos, sum -> sum.poll() / CAPACITY_WINDOW.toNanos())
                .tags(processorTag)
                .description("Share of the last ten minutes in which the processor was handling events")
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latencyMillis.set(clock.wallTime() - message.getTimestamp().toEpochMilli());
        return new Handling(message, clock.monotonicTime());
    }

    private final class Handling implements MonitorCallback {

        private final EventMessage<?> message;
        private final long start;

        Handling(EventMessage<?> message, long start) {
            this.message = message;
            this.start = start;
        }

        @Override
        public void reportSuccess() {
            handled().success().increment();
        }

        @Override
        public void reportFailure(Throwable cause) {
            handled().failure().increment();
        }

        @Override
        public void reportIgnored() {
            // Neither counted nor timed: the processor did nothing with it.
        }

        private HandledCounters handled() {
            busyNanos.record(clock.monotonicTime() - start);
            return countersByPayloadType.computeIfAbsent(message.getPayloadType(), this::counters);
        }

        private HandledCounters counters(Class<?> payloadType) {
            Tags tags = processorTag.and(PAYLOAD_TYPE_TAG, payloadType.getSimpleName());
            return new HandledCounters(
                    registry.counter(meterNamePrefix + ".successCounter", tags),
                    registry.counter(meterNamePrefix + ".failureCounter", tags));
        }
    }

    private record HandledCounters(Counter success, Counter failure) {}
}
