package io.ticketing.booking.projection;

import io.ticketing.booking.command.KnownUsers;
import io.ticketing.coreapi.common.UserId;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * Every booking asks, so the user is found through the entity manager: a repository's {@code findById} passes Spring
 * Data's proxy, its transaction interceptor and its invocation listeners first, where a profile at 100 bookings a
 * second found all of this lookup's CPU (docs/benchmarks.md, thirtieth round).
 */
@Component
class JpaKnownUsers implements KnownUsers {

    private final EntityManager entities;

    JpaKnownUsers(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public Standing standingOf(UserId userId) {
        KnownUser user = entities.find(KnownUser.class, userId.value());
        if (user == null) {
            return Standing.NOT_YET_KNOWN;
        }
        return user.isActive() ? Standing.ACTIVE : Standing.DEACTIVATED;
    }
}
