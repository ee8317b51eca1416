package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserErased;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Follows the user events into this service's {@code revoked_user} table. A redelivered event changes nothing.
 * <p>
 * It has no reset handler on purpose: no user comes back from deactivation or erasure, so a replay only adds rows
 * that are already there, whereas emptying the table first would let revoked tokens in again until the replay
 * caught up.
 */
@ProcessingGroup(RevokedUsersProjection.PROCESSING_GROUP)
class RevokedUsersProjection {

    static final String PROCESSING_GROUP = "revoked-users";

    private final JdbcTemplate jdbc;

    RevokedUsersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserDeactivated event, @Timestamp Instant at) {
        revoked(event.userId(), at);
    }

    @EventHandler
    void on(UserErased event, @Timestamp Instant at) {
        revoked(event.userId(), at);
    }

    /** The first revocation of a user is kept: an erasure after a deactivation changes nothing here. */
    private void revoked(UserId user, Instant at) {
        jdbc.update(
                "INSERT INTO revoked_user (user_id, revoked_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
                user.value(),
                at.atOffset(ZoneOffset.UTC));
    }
}
