package io.ticketing.launcher;

import java.sql.SQLException;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parent context of the standalone mode: what Axon Server provides in the distributed one. Every service is a
 * child context that finds these beans through Axon's Spring configuration, which looks in ancestor contexts.
 * <p>
 * It deliberately holds no {@code DataSource}, transaction manager or serializer bean: Spring Boot's and Axon's
 * auto-configurations skip a bean that any ancestor defines, and each service must create its own.
 */
@Configuration(proxyBeanMethods = false)
class SharedAxonInfrastructure {

    static final String COMMAND_BUS = "platformCommandBus";
    static final String QUERY_UPDATE_EMITTER = "platformQueryUpdateEmitter";

    @Bean(destroyMethod = "shutDown")
    ShortWindowEventStore eventStore(EventStoreDatabase eventStoreDatabase, QueryBus queryBus) throws SQLException {
        return EventStoreFactory.eventStore(eventStoreDatabase.dataSource(), queryBus);
    }

    /**
     * Handles every command on a thread of its own, as Axon Server would in another process: a command a saga sends
     * never joins the saga's unit of work and transaction, whose database belongs to another service.
     */
    @Bean(name = COMMAND_BUS, destroyMethod = "shutdown")
    AsynchronousCommandBus commandBus() {
        return AsynchronousCommandBus.builder().build();
    }

    @Bean(name = QUERY_UPDATE_EMITTER)
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    QueryBus queryBus(QueryUpdateEmitter queryUpdateEmitter) {
        return SimpleQueryBus.builder().queryUpdateEmitter(queryUpdateEmitter).build();
    }
}
