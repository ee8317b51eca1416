package io.ticketing.coordinator.config;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
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
    RetryScheduler commandRetryScheduler(ScheduledExecutorService commandRetries,
                                         @Value("${saga.command-retries:4}") int retries,
                                         @Value("${saga.command-retry-backoff-ms:100}") int backoffMillis) {
        return ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetries)
                .maxRetryCount(retries)
                .backoffFactor(backoffMillis)
                .nonTransientFailurePredicate(failure -> CommandRejection.of(failure).isPresent())
                .build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(commandRetryScheduler).build();
    }
}
