package io.ticketing.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * How many events each processing group of the service has parked in its dead-letter queue, as the gauge
 * {@value #DEAD_LETTERS} tagged with the group: Axon measures handling but not what is left in the queues. Counted
 * in the service's database at each scrape.
 */
@AutoConfiguration
public class DeadLetterMetricsAutoConfiguration {

    static final String DEAD_LETTERS = "axon.dead.letters";

    /** Registered once the service has started: Axon knows its processors and their queues only from then on. */
    @Bean
    ApplicationListener<ApplicationStartedEvent> deadLetterGauges(EventProcessingConfiguration processing,
                                                                  MeterRegistry registry) {
        return started -> processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group)
                .ifPresent(queue -> Gauge.builder(DEAD_LETTERS, queue, SequencedDeadLetterQueue::size)
                        .tag("processingGroup", group)
                        .description("Events parked in the processing group's dead-letter queue")
                        .register(registry)));
    }
}
