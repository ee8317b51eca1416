package io.ticketing.user.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserName;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.UserCredentialsSet;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserNameChanged;
import io.ticketing.coreapi.user.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user of the platform. Its email address must be unique among all users, which one aggregate cannot know:
 * {@link UserCommandHandlers} checks that against the {@link UserDirectory} before the user decides.
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private UserId userId;
    private String email;
    private String fullName;
    private boolean active;

    protected User() {
        // Axon rebuilds users from their events.
    }

    User(RegisterUser command) {
        requireText(command.fullName(), "A user needs a name");
        apply(new UserRegistered(command.userId(), command.email(), command.fullName().strip(), command.role()));
        apply(new UserCredentialsSet(command.userId(), command.passwordHash()));
    }

    boolean isRegisteredAs(RegisterUser command) {
        return email.equals(command.email());
    }

    void changeEmail(String newEmail) {
        requireActive();
        if (!newEmail.equals(email)) {
            apply(new UserEmailChanged(userId, email, newEmail));
        }
    }

    @CommandHandler
    void handle(ChangeUserName command) {
        requireActive();
        requireText(command.fullName(), "A user needs a name");
        if (!command.fullName().strip().equals(fullName)) {
            apply(new UserNameChanged(userId, command.fullName().strip()));
        }
    }

    void deactivate() {
        if (active) {
            apply(new UserDeactivated(userId));
        }
    }

    private void requireActive() {
        if (!active) {
            throw new IllegalStateException("User " + userId + " is deactivated");
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        email = event.email();
        fullName = event.fullName();
        active = true;
    }

    @EventSourcingHandler
    void on(UserEmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserNameChanged event) {
        fullName = event.fullName();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }
}
