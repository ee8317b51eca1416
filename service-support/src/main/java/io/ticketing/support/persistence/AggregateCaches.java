package io.ticketing.support.persistence;

import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * The caches that keep a service's event-sourced aggregates in memory between their commands, so that an aggregate
 * is not read back from its events for each (and a sole saga coordinator's sagas between their events). Each holds
 * at most a given number of entries, and drops one unused for a while.
 * <p>
 * Axon's {@code WeakReferenceCache} let the garbage collector drop any entry, and a young collection drops all of
 * them: under load that came every few seconds, so a booking waiting for its payment, and the show on sale, were
 * read back from the event store anyway. An entry is dropped when its unit of work rolls back. Axon Server routes an
 * aggregate's commands to one instance, so in the distributed mode each instance caches its own.
 */
public class AggregateCaches implements AutoCloseable {

    private final CacheManager caches =
            CacheManagerBuilder.newCacheManagerBuilder().build(true);
    private final long entriesPerCache;
    private final Duration idleLimit;

    public AggregateCaches(long entriesPerCache, Duration idleLimit) {
        this.entriesPerCache = entriesPerCache;
        this.idleLimit = idleLimit;
    }

    /** A new cache, for the aggregates of one type. */
    public Cache named(String name) {
        return new EhCache3Adapter((Ehcache<?, ?>) caches.createCache(
                name,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                                Object.class, Object.class, ResourcePoolsBuilder.heap(entriesPerCache))
                        .withExpiry(ExpiryPolicyBuilder.timeToIdleExpiration(idleLimit))));
    }

    @Override
    public void close() {
        caches.close();
    }
}
