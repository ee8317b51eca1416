package io.ticketing.support.messaging;

import static io.ticketing.coreapi.common.MessageMetadata.ACTING_USER;
import static io.ticketing.coreapi.common.MessageMetadata.CAUSATION_ID;
import static io.ticketing.coreapi.common.MessageMetadata.CORRELATION_ID;
import static io.ticketing.coreapi.common.MessageMetadata.TRACE_ID;

import io.micrometer.tracing.Tracer;
import io.ticketing.support.persistence.AggregateCaches;
import io.ticketing.support.privacy.DataSubjectKeys;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Axon settings every service shares: Jackson for messages, events (personal data encrypted, old formats
 * upcast) and everything else, the flow metadata on every message, and PostgreSQL types ({@code bytea}) for the saga
 * store.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
public class MessagingAutoConfiguration {

    private final Serializer serializer = MessageSerialization.jacksonSerializer();

    @Bean
    @Primary
    public Serializer serializer() {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(ObjectProvider<QueryBus> queryBus) {
        return MessageSerialization.eventSerializer(new DataSubjectKeys(queryBus::getObject));
    }

    @Bean
    public ConfigurerModule eventUpcasting() {
        return configurer -> MessageSerialization.upcasters()
                .forEach(upcaster -> configurer.registerEventUpcaster(config -> upcaster));
    }

    /**
     * Axon's origin provider names the message that caused the handled one and the first message of the flow; its
     * keys are mapped to the names auditors know: the first message is the correlation id, the direct cause the
     * causation id.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID);
    }

    /** Carries the edge's trace id and acting user from each handled message to every message its handler sends. */
    @Bean
    public CorrelationDataProvider traceAndActingUserProvider() {
        return new SimpleCorrelationDataProvider(TRACE_ID, ACTING_USER);
    }

    @Bean
    public EdgeMetadataInterceptor edgeMetadataInterceptor(ObjectProvider<Tracer> tracer) {
        return new EdgeMetadataInterceptor(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * Axon's streaming processors handle one event per transaction and token update by default, which caps every
     * projection and saga at a few hundred events a second. Batches take many events per transaction; an event is
     * still applied once, since the token commits with the batch. A batch that fails as a whole is taken apart to
     * find the event that broke it ({@link PoisonEventIsolation}). Their commits do not wait for the disk
     * ({@link DerivedDataTransactionManager}).
     */
    @Bean
    public ConfigurerModule batchedEventProcessing(
            @Value("${platform.event-processing.batch-size:100}") int batchSize, ObjectProvider<JdbcTemplate> jdbc) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultTransactionManager(config -> new DerivedDataTransactionManager(
                        config.getComponent(TransactionManager.class), jdbc.getObject()))
                .registerTrackingEventProcessorConfiguration(
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize))
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder.batchSize(batchSize))
                .registerDefaultErrorHandler(
                        config -> new PoisonEventIsolation(config.eventProcessingConfiguration())));
    }

    /**
     * The event store as the read models read it (their {@code axon.eventhandling.processors.NAME.source}): a caught-up
     * projection takes the events of {@code platform.event-processing.projection-gathering} (20 ms) as one batch, a
     * transaction for them all, and its rows show them that much later. What bookings wait for (the sagas, the payment
     * gateway, the booking service's known users) reads the event store itself.
     */
    @Bean
    public GatheringEventSource projectionEvents(
            EventStore eventStore,
            @Value("${platform.event-processing.projection-gathering:PT0.02S}") Duration gathering) {
        return new GatheringEventSource(eventStore, gathering);
    }

    /**
     * Up to {@code platform.aggregate-cache.entries} aggregates of each type in memory, each dropped after
     * {@code platform.aggregate-cache.idle} unused: a booking waits for its payment for seconds, and for minutes
     * behind an on-sale backlog.
     */
    @Bean
    public AggregateCaches aggregateCaches(
            @Value("${platform.aggregate-cache.entries:10000}") long entries,
            @Value("${platform.aggregate-cache.idle:PT10M}") Duration idle) {
        return new AggregateCaches(entries, idle);
    }

    /** Every aggregate of the service finds a command's target through it (Axon picks the bean up). */
    @Bean
    public CommandTargetResolver commandTargetResolver() {
        return new RememberingCommandTargetResolver();
    }

    @Bean
    public CommandRejectionInterceptor commandRejectionInterceptor() {
        return new CommandRejectionInterceptor();
    }

    /** PostgreSQL's, whose schema also names the tables for what reads them besides Axon's saga store. */
    @Bean
    public PostgresSagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }
}
