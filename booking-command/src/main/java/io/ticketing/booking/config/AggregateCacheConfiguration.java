package io.ticketing.booking.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows and bookings stay in memory between their commands instead of being read back from their events for each:
 * a show on sale takes a reservation per booking, and was replayed from its last snapshot (up to a hundred events)
 * every time. An entry is dropped when its unit of work rolls back, and the garbage collector may drop any; Axon
 * Server routes an aggregate's commands to one instance, so in the distributed mode each instance caches its own.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache showCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Cache bookingCache() {
        return new WeakReferenceCache();
    }
}
