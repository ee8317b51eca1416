package io.ticketing.user.auth;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.user.persistence.CredentialStore;
import io.ticketing.user.privacy.PersonalDataKeys;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Registers a user in three steps, none of which puts a credential into a message: the user's personal-data key is
 * issued and the password's hash stored in this service's database, then {@link RegisterUser} is sent. A refused
 * registration takes back the hash it stored; the key of an id nobody holds is harmless.
 */
@Component
public class UserRegistration {

    private final CommandGateway commandGateway;
    private final PasswordEncoder passwordEncoder;
    private final CredentialStore credentials;
    private final PersonalDataKeys personalDataKeys;

    UserRegistration(
            CommandGateway commandGateway,
            PasswordEncoder passwordEncoder,
            CredentialStore credentials,
            PersonalDataKeys personalDataKeys) {
        this.commandGateway = commandGateway;
        this.passwordEncoder = passwordEncoder;
        this.credentials = credentials;
        this.personalDataKeys = personalDataKeys;
    }

    /** A repeated registration of the same id and address succeeds and keeps the first password. */
    public CompletableFuture<Void> register(UserId userId, String email, String fullName, String password, Role role) {
        personalDataKeys.issueFor(userId);
        boolean stored = credentials.storeIfAbsent(userId, passwordEncoder.encode(password));
        return commandGateway
                .send(new RegisterUser(userId, email, fullName, role))
                .whenComplete((done, refused) -> {
                    if (refused != null && stored) {
                        credentials.forget(userId);
                    }
                })
                .thenApply(done -> null);
    }
}
