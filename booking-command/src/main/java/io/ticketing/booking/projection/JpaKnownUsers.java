package io.ticketing.booking.projection;

import io.ticketing.booking.command.KnownUsers;
import io.ticketing.coreapi.common.UserId;
import org.springframework.stereotype.Component;

@Component
class JpaKnownUsers implements KnownUsers {

    private final KnownUserRepository users;

    JpaKnownUsers(KnownUserRepository users) {
        this.users = users;
    }

    @Override
    public Standing standingOf(UserId userId) {
        return users.findById(userId.value())
                .map(user -> user.isActive() ? Standing.ACTIVE : Standing.DEACTIVATED)
                .orElse(Standing.NOT_YET_KNOWN);
    }
}
