package io.ticketing.booking.projection;

import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.coreapi.user.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Follows user events into {@code known_user}. Every handler may see an event twice and ends in the same state. */
@Component
@ProcessingGroup(KnownUsersProjection.PROCESSING_GROUP)
class KnownUsersProjection {

    static final String PROCESSING_GROUP = "known-users";

    private final KnownUserRepository users;
    private final JpaKnownUsers standings;

    KnownUsersProjection(KnownUserRepository users, JpaKnownUsers standings) {
        this.users = users;
        this.standings = standings;
    }

    @EventHandler
    void on(UserRegistered event) {
        users.save(new KnownUser(event.userId().value(), event.email()));
    }

    @EventHandler
    void on(UserEmailChanged event) {
        users.findById(event.userId().value()).ifPresent(user -> user.emailChanged(event.email()));
    }

    @EventHandler
    void on(UserDeactivated event) {
        users.findById(event.userId().value()).ifPresent(KnownUser::deactivated);
        standings.forget(event.userId());
    }

    @EventHandler
    void on(UserErased event) {
        users.findById(event.userId().value()).ifPresent(KnownUser::erased);
        standings.forget(event.userId());
    }
}
