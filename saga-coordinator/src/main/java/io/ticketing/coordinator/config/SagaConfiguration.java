package io.ticketing.coordinator.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.ticketing.coordinator.saga.SagaSettings;
import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.support.persistence.AggregateCaches;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaSettings.class)
class SagaConfiguration {

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetries() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("saga-command-retries"));
    }

    /**
     * Retries a failed command with back-off while the failure may pass (the target is down, a concurrent change),
     * never one its handler refused: that answer will not change.
     */
    @Bean
    RetryScheduler commandRetryScheduler(
            ScheduledExecutorService commandRetries,
            @Value("${saga.command-retries:4}") int retries,
            @Value("${saga.command-retry-backoff-ms:100}") int backoffMillis) {
        return ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetries)
                .maxRetryCount(retries)
                .backoffFactor(backoffMillis)
                .nonTransientFailurePredicate(
                        failure -> CommandRejection.of(failure).isPresent())
                .build();
    }

    /** Built as Axon's auto-configuration builds its own, which it replaces. */
    @Bean
    DeadlineManager deadlineManager(
            Scheduler scheduler,
            Configuration axon,
            Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new RunningDeadlineTolerantManager(
                DbSchedulerDeadlineManager.builder()
                        .scheduler(scheduler)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        .startScheduler(false)
                        .stopScheduler(false),
                scheduler);
    }

    /**
     * Axon's JDBC saga store, built as its auto-configuration builds it, its writes sent in batches as each
     * transaction commits. When this coordinator is the only one ({@code platform.sole-instance}, which the standalone
     * platform sets), with caches in front and the associations the tables hold counted. With more than one, a saga's
     * deadline fires on any of them, and the others would go on from what they held.
     */
    @Bean
    SagaStore<Object> sagaStore(
            ConnectionProvider connections,
            Serializer serializer,
            PostgresSagaSqlSchema schema,
            JdbcTemplate database,
            AggregateCaches caches,
            @Value("${platform.sole-instance:false}") boolean soleCoordinator) {
        SagaStore<Object> stored = new BatchWritingSagaStore<>(
                JdbcSagaStore.builder()
                        .connectionProvider(connections)
                        .sqlSchema(schema)
                        .serializer(serializer)
                        .build(),
                serializer,
                database,
                schema.sagaSchema());
        return soleCoordinator
                ? new SoleCoordinatorSagaStore<>(
                        AssociationKnowingSagaStore.over(stored, serializer, database, schema.sagaSchema()),
                        caches.named("sagas"),
                        caches.named("saga-associations"))
                : stored;
    }

    /**
     * At most {@code saga.commands-in-flight} of the sagas' commands sent without waiting are in flight at once
     * ({@link BoundedCommandGateway}): enough for every show's reservation, a booking's payment and another's
     * confirmation to proceed side by side, few enough that a hot show's queue stays short.
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            RetryScheduler commandRetryScheduler,
            @Value("${saga.commands-in-flight:32}") int commandsInFlight) {
        return new BoundedCommandGateway(
                DefaultCommandGateway.builder()
                        .commandBus(commandBus)
                        .retryScheduler(commandRetryScheduler)
                        .build(),
                commandsInFlight);
    }
}
