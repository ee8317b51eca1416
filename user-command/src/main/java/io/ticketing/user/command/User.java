package io.ticketing.user.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.UserCredentialsSet;
import io.ticketing.coreapi.user.UserRegistered;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class User {

    @AggregateIdentifier
    private UserId userId;

    protected User() {
        // Axon rebuilds users from their events.
    }

    User(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.email(), command.fullName(), command.role()));
        apply(new UserCredentialsSet(command.userId(), command.passwordHash()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
    }
}
