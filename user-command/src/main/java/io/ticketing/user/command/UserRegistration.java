package io.ticketing.user.command;

import io.ticketing.coreapi.user.RegisterUser;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers users. The email check spans all users, so it happens here, beside the aggregate, in the transaction
 * that stores the new user's events: two registrations racing for one address cannot both commit.
 */
@Component
public class UserRegistration {

    private final Repository<User> users;
    private final EmailClaims emailClaims;

    public UserRegistration(Repository<User> users, EmailClaims emailClaims) {
        this.users = users;
        this.emailClaims = emailClaims;
    }

    @CommandHandler
    public void handle(RegisterUser command) throws Exception {
        emailClaims.claim(command.email().toLowerCase(Locale.ROOT), command.userId());
        users.newInstance(() -> new User(command));
    }
}
