package io.ticketing.booking.config;

import io.ticketing.support.persistence.AggregateCaches;
import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows and bookings stay in memory between their commands instead of being read back from their events for each:
 * a show on sale takes a reservation per booking, and was replayed from its last snapshot (up to a hundred events)
 * every time. How long and how many they stay is {@link AggregateCaches}'s.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache showCache(AggregateCaches caches) {
        return caches.named("showCache");
    }

    @Bean
    Cache bookingCache(AggregateCaches caches) {
        return caches.named("bookingCache");
    }
}
