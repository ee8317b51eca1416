package io.ticketing.payment.config;

import io.ticketing.support.persistence.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A payment is requested and answered within a second: it stays in memory between the two commands instead of
 * being read back from its events. An entry is dropped when its unit of work rolls back.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache paymentCache(AggregateCaches caches) {
        return caches.named("paymentCache");
    }
}
