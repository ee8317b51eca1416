package io.ticketing.query.projection;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboards' two processors. The live one is configured as every processor is, and loads what a batch will look
 * up before its first event. The one that rebuilds the dashboards ({@link DashboardRebuild}) is Axon's own too, with
 * the batching, poison-event isolation and dead letters of every processor, but started only on request and writing
 * into the build schema.
 */
@Configuration(proxyBeanMethods = false)
class DashboardProcessing {

    /**
     * Events a transaction. Measured over a million events: 1,000 ran at 17,000 events/s, 2,500 at 20,000; at 5,000
     * the persistence context grows so large that every flush crawls.
     */
    private static final int BATCH_SIZE = 2500;

    /** The dashboards count days as UTC has them, wherever the service runs. */
    @Bean
    Clock dashboardsClock() {
        return Clock.systemUTC();
    }

    /**
     * A projection of its own, which publishes no live updates, in a processing group of its own. Its transactions
     * are the live processor's with the build schema first on the {@code search_path}: every statement of the
     * projection lands in the new tables, while tokens and dead letters, which the build schema does not have, stay
     * where they are.
     */
    @Bean
    ConfigurerModule dashboardsRebuildProcessor(
            EntityManager entities,
            UserContactRepository contacts,
            ShowViewRepository shows,
            BookingViewRepository bookings,
            DailyTotals totals,
            Clock clock,
            JdbcTemplate jdbc,
            ConnectionProvider connections,
            DeadLetterSchema deadLetters,
            TransactionManager transactions,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectProvider<DashboardRebuild> rebuild) {
        DashboardProjection building =
                DashboardProjection.withoutUpdates(entities, contacts, shows, bookings, totals, clock);
        String group = DashboardRebuild.PROCESSING_GROUP;
        return configurer -> configurer
                .eventProcessing()
                .registerEventHandler(config -> building)
                .assignHandlerInstancesMatching(group, handler -> handler == building)
                .registerTrackingEventProcessor(
                        group,
                        config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialSegmentsCount(1)
                                .andAutoStart(false)
                                .andEventTrackerStatusChangeListener(progressTo(rebuild)))
                .registerTransactionManager(
                        group,
                        config -> onTheBuildSchema(
                                config.eventProcessingConfiguration()
                                        .transactionManager(DashboardProjection.PROCESSING_GROUP),
                                jdbc))
                // As Axon's auto-configuration makes the live processor's, which it makes for configured ones only.
                .registerDeadLetterQueue(
                        group,
                        config -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connections)
                                .transactionManager(transactions)
                                .schema(deadLetters)
                                .genericSerializer(serializer)
                                .eventSerializer(eventSerializer)
                                .build())
                // A reset starts the build from an empty queue; the cache spares a lookup in it for every event.
                .registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache())
                .registerHandlerInterceptor(group, config -> prefetchingFor(building))
                // Its progress is the rebuild's (RebuildProgress), which counts the events; meters by event type
                // would cost every event.
                .registerMessageMonitor(group, config -> rebuild.getObject().eventsReadCounter());
    }

    @Bean
    ConfigurerModule dashboardsPrefetching(DashboardProjection live) {
        return configurer -> configurer
                .eventProcessing()
                .registerHandlerInterceptor(DashboardProjection.PROCESSING_GROUP, config -> prefetchingFor(live));
    }

    private static TransactionManager onTheBuildSchema(TransactionManager live, JdbcTemplate jdbc) {
        return () -> {
            Transaction transaction = live.startTransaction();
            // On the connection the transaction just bound; SET LOCAL ends with it.
            jdbc.execute("SET LOCAL search_path TO " + DashboardRebuild.BUILD_SCHEMA + ", public");
            return transaction;
        };
    }

    /** Every position the processor reaches, not only its changes of state. */
    private static EventTrackerStatusChangeListener progressTo(ObjectProvider<DashboardRebuild> rebuild) {
        return new EventTrackerStatusChangeListener() {
            @Override
            public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> statuses) {
                rebuild.getObject().trackerStatusChanged(statuses);
            }

            @Override
            public boolean validatePositions() {
                return true;
            }
        };
    }

    /** The contacts and shows a batch will look up, loaded before its first event. */
    private static MessageHandlerInterceptor<EventMessage<?>> prefetchingFor(DashboardProjection projection) {
        return (unitOfWork, chain) -> {
            if (unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch && batch.isFirstMessage()) {
                projection.prefetchFor(batch.getMessages());
            }
            return chain.proceed();
        };
    }
}
