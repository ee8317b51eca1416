package io.ticketing.launcher;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Added to every service's context in the standalone mode: connects the service to the shared buses of
 * {@link SharedAxonInfrastructure} where Axon's auto-configuration would otherwise give it private ones.
 */
@Configuration(proxyBeanMethods = false)
class StandaloneServiceWiring {

    @Bean
    @Primary
    CommandBus serviceCommandBus(@Qualifier(SharedAxonInfrastructure.COMMAND_BUS) CommandBus platformCommandBus,
                                 TransactionManager serviceTransactionManager,
                                 List<CorrelationDataProvider> correlationDataProviders) {
        ServiceCommandBus commandBus = new ServiceCommandBus(platformCommandBus);
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
