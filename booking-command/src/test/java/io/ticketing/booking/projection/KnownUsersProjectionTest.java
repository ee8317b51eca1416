package io.ticketing.booking.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.booking.command.KnownUsers;
import io.ticketing.booking.command.KnownUsers.Standing;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.PersonalData;
import io.ticketing.coreapi.user.Role;
import io.ticketing.coreapi.user.UserDeactivated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserErased;
import io.ticketing.coreapi.user.UserRegistered;
import io.ticketing.support.security.RevokedUsers;
import io.ticketing.support.test.EventFeed;
import io.ticketing.support.test.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

@ProjectionTest
@Import({KnownUsersProjection.class, JpaKnownUsers.class, KnownUsersProjectionTest.Revocations.class})
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/booking-command")
class KnownUsersProjectionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    private KnownUsersProjection projection;

    @Autowired
    private KnownUserRepository users;

    @Autowired
    private KnownUsers knownUsers;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private Revocations revocations;

    private final UserId userId = new UserId(UUID.randomUUID());
    private final UserRegistered registered = new UserRegistered(userId, "ada@example.org", "Ada", Role.USER);
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        feed = new EventFeed(projection, transactionManager);
    }

    @Test
    void aRegisteredUserIsKnownAsActiveUnderTheirEmail() {
        feed.deliver(NOW, registered);

        assertThat(user().email()).isEqualTo("ada@example.org");
        assertThat(user().isActive()).isTrue();
    }

    @Test
    void bookingsAskHowAUserStandsFromTheUsersKnownHere() {
        UserId neverHeardOf = new UserId(UUID.randomUUID());
        feed.deliver(NOW, registered);
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);
        assertThat(knownUsers.standingOf(neverHeardOf)).isEqualTo(Standing.NOT_YET_KNOWN);

        feed.deliver(NOW, new UserDeactivated(userId));

        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.DEACTIVATED);
    }

    @Test
    void aUserFoundActiveIsNotReadAgain() {
        feed.deliver(NOW, registered);
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);

        users.deleteById(userId.value());

        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);
    }

    @Test
    void aUserFoundActiveAndRevokedSinceStandsDeactivatedThoughThisProjectionHasNotHeard() {
        feed.deliver(NOW, registered);
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);

        revocations.revoked.add(userId);

        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.DEACTIVATED);
    }

    @Test
    void aUserFoundActiveAndErasedSinceCannotBook() {
        feed.deliver(NOW, registered);
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);

        feed.deliver(NOW, new UserErased(userId));

        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.DEACTIVATED);
    }

    @Test
    void aUserNotYetKnownIsReadAgainAtTheirNextBooking() {
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.NOT_YET_KNOWN);
        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.NOT_YET_KNOWN);

        feed.deliver(NOW, registered);

        assertThat(knownUsers.standingOf(userId)).isEqualTo(Standing.ACTIVE);
    }

    @Test
    void aChangedEmailReplacesTheOldOne() {
        feed.deliver(NOW, registered, new UserEmailChanged(userId, "ada@example.org", "ada@example.com"));

        assertThat(user().email()).isEqualTo("ada@example.com");
    }

    @Test
    void aDeactivatedUserIsStillKnownButNoLongerActive() {
        feed.deliver(NOW, registered, new UserDeactivated(userId));

        assertThat(user().isActive()).isFalse();
        assertThat(user().email()).isEqualTo("ada@example.org");
    }

    @Test
    void anErasedUserIsKeptWithoutTheirEmailAndCannotBook() {
        feed.deliver(NOW, registered, new UserErased(userId));

        assertThat(user().email()).isEqualTo(PersonalData.ERASED);
        assertThat(user().isActive()).isFalse();
    }

    @Test
    void eventsAboutAUserNeverRegisteredHereAddNoOne() {
        feed.deliver(
                NOW,
                new UserEmailChanged(userId, "a@example.org", "b@example.org"),
                new UserDeactivated(userId),
                new UserErased(userId));

        assertThat(users.findById(userId.value())).isEmpty();
    }

    @Test
    void aBatchDeliveredAgainEndsWhereItEndedTheFirstTime() {
        List<TrackedEventMessage<?>> batch = feed.deliver(
                NOW,
                registered,
                new UserEmailChanged(userId, "ada@example.org", "ada@example.com"),
                new UserDeactivated(userId));

        feed.deliver(batch);

        assertThat(user().email()).isEqualTo("ada@example.com");
        assertThat(user().isActive()).isFalse();
    }

    /** The users every service knows to be revoked, as the revoked-users processor would record them. */
    @TestConfiguration
    static class Revocations {

        final Set<UserId> revoked = ConcurrentHashMap.newKeySet();

        @Bean
        RevokedUsers revokedUsers() {
            return revoked::contains;
        }
    }

    private KnownUser user() {
        return users.findById(userId.value()).orElseThrow();
    }
}
