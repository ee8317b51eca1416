package io.ticketing.launcher;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Added to every service's context in the standalone mode: connects the service to the shared buses of
 * {@link SharedAxonInfrastructure} where Axon's auto-configuration would otherwise give it private ones.
 * <p>
 * The shared buses and event store trace nothing themselves: a span must name the service that made it, and the
 * parent context belongs to none. Commands are traced by each service's {@link ServiceCommandBus}; events and the
 * commands handlers send carry their sender's span in their metadata (service-support's tracing configuration), and
 * each service's processors, sagas and repositories trace their own work.
 */
@Configuration(proxyBeanMethods = false)
class StandaloneServiceWiring {

    /** The name Axon's auto-configuration gives a command bus's meters. */
    private static final String COMMAND_BUS_METRICS = "commandBus";

    /**
     * The commands the service handles are measured in its own registry under Axon's name for them, as a command bus
     * of Axon's own making would be.
     */
    @Bean
    @Primary
    CommandBus serviceCommandBus(
            @Qualifier(SharedAxonInfrastructure.COMMAND_BUS) CommandBus platformCommandBus,
            TransactionManager serviceTransactionManager,
            List<CorrelationDataProvider> correlationDataProviders,
            GlobalMetricRegistry metrics,
            MetricsProperties metricsSettings,
            CommandBusSpanFactory spans) {
        MessageMonitor<? extends Message<?>> handledCommands =
                metricsSettings.getMicrometer().isDimensional()
                        ? metrics.registerComponentWithDefaultTags(CommandBus.class, COMMAND_BUS_METRICS)
                        : metrics.registerComponent(CommandBus.class, COMMAND_BUS_METRICS);
        @SuppressWarnings("unchecked") // Axon registers a command bus's monitor for command messages.
        ServiceCommandBus commandBus = new ServiceCommandBus(
                platformCommandBus, (MessageMonitor<? super CommandMessage<?>>) handledCommands, spans);
        commandBus.registerHandlerInterceptor(new TransactionManagingInterceptor<>(serviceTransactionManager));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
        return commandBus;
    }

    /**
     * Axon's auto-configuration gives every context an update emitter of its own; subscription queries only see
     * updates emitted on the emitter of the query bus they were sent to, the shared one.
     */
    @Bean
    @Primary
    QueryUpdateEmitter serviceQueryUpdateEmitter(
            @Qualifier(SharedAxonInfrastructure.QUERY_UPDATE_EMITTER) QueryUpdateEmitter platformQueryUpdateEmitter) {
        return platformQueryUpdateEmitter;
    }
}
