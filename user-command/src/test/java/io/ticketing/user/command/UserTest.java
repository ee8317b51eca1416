package io.ticketing.user.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.ChangeUserName;
import io.ticketing.coreapi.user.DeactivateUser;
import io.ticketing.coreapi.user.EraseUser;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.coreapi.user.UserNameChanged;
import io.ticketing.coreapi.user.UserRegistered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private final UserId ada = new UserId(UUID.randomUUID());
    private final UserRegistered adaRegistered = new UserRegistered(ada, "ada@example.com", "Ada Lovelace", Role.USER);
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void registersWithATrimmedName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ada, "ada@example.com", " Ada Lovelace ", Role.USER))
                .expectEvents(adaRegistered);
    }

    @Test
    void aRetriedRegistrationChangesNothing() {
        directory.add(ada, "ada@example.com", Role.USER);

        fixture.given(adaRegistered)
                .when(new RegisterUser(ada, "ada@example.com", "Ada Lovelace", Role.USER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRegisterTheSameIdForAnotherAddress() {
        fixture.given(adaRegistered)
                .when(new RegisterUser(ada, "someone@example.com", "Someone", Role.USER))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAnAddressAnotherUserHolds() {
        directory.add(new UserId(UUID.randomUUID()), "ada@example.com", Role.USER);

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ada, "ada@example.com", "Ada Lovelace", Role.USER))
                .expectException(EmailAlreadyInUseException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ada, "ada@example.com", " ", Role.USER))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void changesTheEmailAddress() {
        directory.add(ada, "ada@example.com", Role.USER);

        fixture.given(adaRegistered)
                .when(new ChangeUserEmail(ada, "countess@example.com"))
                .expectEvents(new UserEmailChanged(ada, "ada@example.com", "countess@example.com"));
    }

    @Test
    void changingToTheCurrentAddressChangesNothing() {
        directory.add(ada, "ada@example.com", Role.USER);

        fixture.given(adaRegistered)
                .when(new ChangeUserEmail(ada, "ada@example.com"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotTakeAnAddressAnotherUserHolds() {
        directory.add(ada, "ada@example.com", Role.USER);
        directory.add(new UserId(UUID.randomUUID()), "grace@example.com", Role.USER);

        fixture.given(adaRegistered)
                .when(new ChangeUserEmail(ada, "grace@example.com"))
                .expectException(EmailAlreadyInUseException.class);
    }

    @Test
    void changesTheName() {
        fixture.given(adaRegistered)
                .when(new ChangeUserName(ada, "Augusta Ada King"))
                .expectEvents(new UserNameChanged(ada, "Augusta Ada King"));
    }

    @Test
    void cannotClearTheName() {
        fixture.given(adaRegistered).when(new ChangeUserName(ada, "")).expectException(IllegalArgumentException.class);
    }

    @Test
    void deactivatesOnce() {
        directory.add(ada, "ada@example.com", Role.USER);

        fixture.given(adaRegistered).when(new DeactivateUser(ada)).expectEvents(new UserDeactivated(ada));
        fixture.given(adaRegistered, new UserDeactivated(ada))
                .when(new DeactivateUser(ada))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeactivatedUserCannotBeChanged() {
        fixture.given(adaRegistered, new UserDeactivated(ada))
                .when(new ChangeUserName(ada, "Someone Else"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void erasureIsRecordedOnceAndItsDirectoryPartRepeatedOnEveryRequest() {
        fixture.given(adaRegistered).when(new EraseUser(ada)).expectEvents(new UserErased(ada));
        fixture.given(adaRegistered, new UserErased(ada))
                .when(new EraseUser(ada))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(directory.erasures).containsExactly(ada, ada);
    }

    @Test
    void anErasedUserCannotBeChangedOrDeactivatedAgain() {
        fixture.given(adaRegistered, new UserErased(ada))
                .when(new ChangeUserEmail(ada, "ada@example.com"))
                .expectException(IllegalStateException.class);
        fixture.given(adaRegistered, new UserErased(ada))
                .when(new DeactivateUser(ada))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeAnUnknownUser() {
        fixture.givenNoPriorActivity()
                .when(new ChangeUserName(ada, "Nobody"))
                .expectException(AggregateNotFoundException.class);
    }

    /** The directory's contract without a database: one holder per address. */
    private static final class InMemoryDirectory implements UserDirectory {

        private final Map<String, UserId> holders = new HashMap<>();
        private final List<UserId> erasures = new ArrayList<>();

        @Override
        public void add(UserId userId, String email, Role role) {
            claim(email, userId);
        }

        @Override
        public void changeEmail(UserId userId, String email) {
            claim(email, userId);
            holders.entrySet()
                    .removeIf(entry ->
                            entry.getValue().equals(userId) && !entry.getKey().equals(email));
        }

        @Override
        public void deactivate(UserId userId) {}

        @Override
        public void erase(UserId userId) {
            holders.values().removeIf(userId::equals);
            erasures.add(userId);
        }

        private void claim(String email, UserId userId) {
            UserId holder = holders.putIfAbsent(email, userId);
            if (holder != null && !holder.equals(userId)) {
                throw new EmailAlreadyInUseException();
            }
        }
    }
}
