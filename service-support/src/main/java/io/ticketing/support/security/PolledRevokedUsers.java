package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The users of this service's {@code revoked_user} table, held in memory so that checking a token costs no query.
 * The table is read again every {@code refreshInterval} on a thread of its own, rather than kept up to date by the
 * event handler that fills it, because that handler may run in another instance of the service. The first read
 * happens before the service opens its port; a read that fails leaves the last one in force.
 */
class PolledRevokedUsers implements RevokedUsers, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolledRevokedUsers.class);

    private final JdbcTemplate jdbc;
    private final Duration refreshInterval;
    private volatile Set<UUID> revoked = Set.of();
    private ScheduledExecutorService refresher;
    /** Touched by the refresher's thread alone: a database that stays down is reported once, not twice a second. */
    private boolean failing;

    PolledRevokedUsers(JdbcTemplate jdbc, Duration refreshInterval) {
        this.jdbc = jdbc;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public boolean includes(UserId user) {
        return revoked.contains(user.value());
    }

    @Override
    public void start() {
        read();
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "revoked-users-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = refreshInterval.toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        refresher.shutdownNow();
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    /** Before the web server, which Spring Boot starts in one of the last phases. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void refresh() {
        // Any exception escaping a scheduled task would cancel every later refresh.
        try {
            read();
            if (failing) {
                log.info("The revoked users are read again");
                failing = false;
            }
        } catch (RuntimeException unread) {
            if (!failing) {
                log.warn("The revoked users could not be read; the {} read last stay refused", revoked.size(), unread);
                failing = true;
            }
        }
    }

    private void read() {
        revoked = Set.copyOf(jdbc.queryForList("SELECT user_id FROM revoked_user", UUID.class));
    }
}
