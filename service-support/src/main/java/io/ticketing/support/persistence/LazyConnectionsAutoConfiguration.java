package io.ticketing.support.persistence;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * A service's transaction takes a connection of its pool at its first statement, not when it begins. Every command
 * runs in a transaction of its service's database, and most never write there: their events go to the event store.
 * On sale day a show's reservations queue for its aggregate's lock, and each one waiting held a connection of the
 * pool for nothing, until the pool was empty and every other command and projection of the service waited too
 * (docs/benchmarks.md, twenty-first round). A transaction without statements now takes none, and commits nothing.
 */
@AutoConfiguration
public class LazyConnectionsAutoConfiguration {

    @Bean
    static BeanPostProcessor lazyConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof LazyConnectionDataSourceProxy)
                        ? new LazyConnectionDataSourceProxy(pool)
                        : bean;
            }
        };
    }
}
