package io.ticketing.user.command;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.coreapi.user.UserCredentialsSet;
import io.ticketing.coreapi.user.UserRegistered;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserRegistrationTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final InMemoryEmailClaims emailClaims = new InMemoryEmailClaims();
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new UserRegistration(fixture.getRepository(), emailClaims));
    }

    @Test
    void registersAUserAndKeepsItsPasswordHashApartFromItsProfile() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ada, "ada@example.com", "Ada Lovelace", "{bcrypt}hash", Role.USER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(ada, "ada@example.com", "Ada Lovelace", Role.USER),
                        new UserCredentialsSet(ada, "{bcrypt}hash"));
    }

    @Test
    void cannotRegisterAnEmailAddressAnotherUserHolds() {
        emailClaims.claim("ada@example.com", new UserId(UUID.randomUUID()));

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ada, "Ada@Example.com", "Ada Lovelace", "{bcrypt}hash", Role.USER))
                .expectException(EmailAlreadyInUseException.class)
                .expectNoEvents();
    }

    /** The claims' contract without a database: one holder per address. */
    private static final class InMemoryEmailClaims implements EmailClaims {

        private final Map<String, UserId> holders = new HashMap<>();

        @Override
        public void claim(String email, UserId userId) {
            UserId holder = holders.putIfAbsent(email, userId);
            if (holder != null && !holder.equals(userId)) {
                throw new EmailAlreadyInUseException(email);
            }
        }
    }
}
