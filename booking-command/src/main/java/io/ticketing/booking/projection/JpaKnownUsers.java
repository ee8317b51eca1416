package io.ticketing.booking.projection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ticketing.booking.command.KnownUsers;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.support.security.RevokedUsers;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every booking asks, and a user books again and again, so a user found active is remembered: their next bookings
 * cost no read of {@code known_user}, which was a paced booking's one transaction of this service's database
 * (docs/benchmarks.md, thirty-seventh round). An active user can only stop being so, by deactivation or erasure.
 * This instance's projection forgets the user as it records either; the revoked users, which every instance holds
 * in memory ({@link RevokedUsers}), cover one recorded by another instance's projection, or read back as active by
 * a booking in the moment before the projection committed. A user not found, or found inactive, is read again at
 * their next booking.
 * <p>
 * A user is read through the entity manager: a repository's {@code findById} passes Spring Data's proxy, its
 * transaction interceptor and its invocation listeners first (docs/benchmarks.md, thirtieth round).
 */
@Component
class JpaKnownUsers implements KnownUsers {

    /** About 10 MB at most; a user forgotten for room is read again at their next booking. */
    private static final long MOST_REMEMBERED = 100_000;

    private final EntityManager entities;
    private final RevokedUsers revokedUsers;
    private final Cache<UUID, Boolean> foundActive =
            Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).build();

    JpaKnownUsers(EntityManager entities, RevokedUsers revokedUsers) {
        this.entities = entities;
        this.revokedUsers = revokedUsers;
    }

    @Override
    public Standing standingOf(UserId userId) {
        if (revokedUsers.includes(userId)) {
            return Standing.DEACTIVATED;
        }
        if (foundActive.getIfPresent(userId.value()) != null) {
            return Standing.ACTIVE;
        }
        KnownUser user = entities.find(KnownUser.class, userId.value());
        if (user == null) {
            return Standing.NOT_YET_KNOWN;
        }
        if (!user.isActive()) {
            return Standing.DEACTIVATED;
        }
        foundActive.put(userId.value(), Boolean.TRUE);
        return Standing.ACTIVE;
    }

    /** The user was deactivated or erased: their next booking reads how they stand. */
    void forget(UserId userId) {
        foundActive.invalidate(userId.value());
    }
}
