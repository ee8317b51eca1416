package io.ticketing.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** What the platform adds to, and takes from, the meters Spring Boot and Axon register. */
@AutoConfiguration(before = MicrometerMetricsAutoConfiguration.class)
public class PlatformMetricsAutoConfiguration {

    static final String DEAD_LETTERS = "axon.dead.letters";

    /** Axon registers its meters through this registry: only those the dashboards read ({@link AxonMetersInUse}). */
    @Bean
    GlobalMetricRegistry axonMetersInUse(MeterRegistry registry) {
        return new AxonMetersInUse(registry);
    }

    /**
     * Percentiles are Prometheus's to compute, from histogram buckets summed over instances. Axon's timers ask for
     * percentiles computed in the service, over a sliding window, on every handled message: measured, they took a
     * quarter of the platform's CPU per booking and tripled the paced placed-to-confirmed median
     * (docs/benchmarks.md, "Security, privacy and metrics: what they cost").
     */
    @Bean
    MeterFilter noPercentilesComputedInTheService() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder()
                        .percentiles()
                        .build()
                        .merge(config);
            }
        };
    }

    /**
     * How many events each processing group of the service has parked in its dead-letter queue, as the gauge
     * {@value #DEAD_LETTERS} tagged with the group: Axon measures handling but not what is left in the queues. Counted
     * in the service's database at each scrape. Registered once the service has started: Axon knows its processors
     * and their queues only from then on.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> deadLetterGauges(
            EventProcessingConfiguration processing, MeterRegistry registry) {
        return started -> processing
                .eventProcessors()
                .keySet()
                .forEach(group -> processing
                        .deadLetterQueue(group)
                        .ifPresent(queue -> Gauge.builder(DEAD_LETTERS, queue, SequencedDeadLetterQueue::size)
                                .tag("processingGroup", group)
                                .description("Events parked in the processing group's dead-letter queue")
                                .register(registry)));
    }
}
