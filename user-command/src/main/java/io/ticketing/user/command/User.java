package io.ticketing.user.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.ChangeUserName;
import io.ticketing.coreapi.user.DeactivateUser;
import io.ticketing.coreapi.user.EraseUser;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.coreapi.user.UserNameChanged;
import io.ticketing.coreapi.user.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user of the platform. Its email address must be unique among all users, which one aggregate cannot know: the
 * {@link UserDirectory} is asked, in the same transaction, before the user decides.
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private UserId userId;

    private String email;
    private String fullName;
    private boolean active;
    private boolean erased;

    protected User() {
        // Axon rebuilds users from their events.
    }

    /** A retried registration (same id, same address) changes nothing; the same id for another address is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUser command, UserDirectory directory) {
        if (userId != null) {
            if (!email.equals(command.email())) {
                throw new IllegalStateException("User " + command.userId() + " is already registered");
            }
            return;
        }
        requireText(command.fullName(), "A user needs a name");
        directory.add(command.userId(), command.email(), command.role());
        apply(new UserRegistered(
                command.userId(), command.email(), command.fullName().strip(), command.role()));
    }

    @CommandHandler
    void handle(ChangeUserEmail command, UserDirectory directory) {
        requireActive();
        if (!command.email().equals(email)) {
            directory.changeEmail(userId, command.email());
            apply(new UserEmailChanged(userId, email, command.email()));
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

    @CommandHandler
    void handle(DeactivateUser command, UserDirectory directory) {
        if (active) {
            directory.deactivate(userId);
            apply(new UserDeactivated(userId));
        }
    }

    /**
     * Erasing again changes no event but repeats the directory's part, in case the first erasure's events were stored
     * and its database writes were not.
     */
    @CommandHandler
    void handle(EraseUser command, UserDirectory directory) {
        directory.erase(userId);
        if (!erased) {
            apply(new UserErased(userId));
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

    @EventSourcingHandler
    void on(UserErased event) {
        active = false;
        erased = true;
    }
}
