package io.ticketing.coordinator.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.ticketing.coordinator.saga.SagaSettings;
import io.ticketing.support.messaging.CommandRejection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .build();
    }
}
