package io.ticketing.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class EventProcessorMetersTest {

    private static final String PROCESSOR = "dashboards";

    private record SeatsReserved(String bookingId) {}

    private record PaymentDeclined(String bookingId) {}

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final EventProcessorMeters meters =
            new EventProcessorMeters(AxonMetersInUse.EVENT_PROCESSOR_METERS, PROCESSOR, registry);

    @Test
    void countsTheEventsItHandledAndThoseItFailedOnByPayloadType() {
        ingest(new SeatsReserved("b-1")).reportSuccess();
        ingest(new SeatsReserved("b-2")).reportSuccess();
        ingest(new PaymentDeclined("b-3")).reportFailure(new IllegalStateException("the projection's table is gone"));

        assertThat(counter("successCounter", SeatsReserved.class).count()).isEqualTo(2);
        assertThat(counter("failureCounter", SeatsReserved.class).count()).isZero();
        assertThat(counter("successCounter", PaymentDeclined.class).count()).isZero();
        assertThat(counter("failureCounter", PaymentDeclined.class).count()).isEqualTo(1);
    }

    @Test
    void anEventItIgnoresIsNeitherCountedNorTimedButStillMovesTheLatency() {
        EventMessage<?> event = eventNow(new SeatsReserved("b-1"));
        clock.add(Duration.ofMillis(250));

        meters.onMessageIngested(event).reportIgnored();

        assertThat(registry.find("eventProcessor.successCounter").counters()).isEmpty();
        assertThat(registry.find("eventProcessor.failureCounter").counters()).isEmpty();
        assertThat(capacity()).isZero();
        assertThat(gauge("latency")).isEqualTo(250);
    }

    @Test
    void theCapacityIsTheTimeSpentHandlingEventsAsAShareOfTheLastTenMinutes() {
        MonitorCallback handled = ingest(new SeatsReserved("b-1"));
        clock.add(Duration.ofSeconds(30));
        handled.reportSuccess();
        MonitorCallback failed = ingest(new PaymentDeclined("b-2"));
        clock.add(Duration.ofSeconds(30));
        failed.reportFailure(new IllegalStateException("the projection's table is gone"));
        MonitorCallback ignored = ingest(new SeatsReserved("b-3"));
        clock.add(Duration.ofSeconds(60));
        ignored.reportIgnored();

        assertThat(capacity()).isCloseTo(60.0 / 600, within(1e-9));
    }

    private MonitorCallback ingest(Object payload) {
        return meters.onMessageIngested(eventNow(payload));
    }

    private EventMessage<?> eventNow(Object payload) {
        Instant now = Instant.ofEpochMilli(clock.wallTime());
        return new GenericEventMessage<>(new GenericMessage<>(payload), () -> now);
    }

    private Counter counter(String name, Class<?> payloadType) {
        return registry.get("eventProcessor." + name)
                .tag("processorName", PROCESSOR)
                .tag("payloadType", payloadType.getSimpleName())
                .counter();
    }

    private double capacity() {
        return gauge("capacity");
    }

    private double gauge(String name) {
        return registry.get("eventProcessor." + name)
                .tag("processorName", PROCESSOR)
                .gauge()
                .value();
    }
}
