package io.ticketing.user.command;

import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.DeactivateUser;
import io.ticketing.coreapi.user.RegisterUser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The user commands that touch what all users share, the directory of email addresses: the directory changes in
 * the same transaction that stores the user's events, so two users racing for one address cannot both commit.
 */
@Component
public class UserCommandHandlers {

    private final Repository<User> users;
    private final UserDirectory directory;

    public UserCommandHandlers(Repository<User> users, UserDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    /** A retried registration (same id, same address) changes nothing; the same id for another address is refused. */
    @CommandHandler
    public void handle(RegisterUser command) throws Exception {
        try {
            boolean sameRegistration = users.load(command.userId().toString()).invoke(u -> u.isRegisteredAs(command));
            if (!sameRegistration) {
                throw new IllegalStateException("User " + command.userId() + " is already registered");
            }
        } catch (AggregateNotFoundException firstRegistration) {
            directory.add(command.userId(), command.email(), command.passwordHash(), command.role());
            users.newInstance(() -> new User(command));
        }
    }

    @CommandHandler
    public void handle(ChangeUserEmail command) {
        users.load(command.userId().toString()).execute(user -> user.changeEmail(command.email()));
        directory.changeEmail(command.userId(), command.email());
    }

    @CommandHandler
    public void handle(DeactivateUser command) {
        users.load(command.userId().toString()).execute(User::deactivate);
        directory.deactivate(command.userId());
    }
}
