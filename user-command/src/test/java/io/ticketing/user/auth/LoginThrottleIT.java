package io.ticketing.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.support.test.EmbeddedPostgresInitializer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The throttle on the user service's own PostgreSQL schema, as every instance shares it, on a clock the test moves.
 * Each statement commits on its own, as in the service.
 */
@JdbcTest(properties = "spring.flyway.locations=classpath:db/user-command")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(JdbcLoginFailures.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoginThrottleIT {

    private static final String ADA = "ada@example.com";
    private static final String CLIENT = "198.51.100.7";
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LoginFailures failures;

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The throttle reads instants only");
        }
    };
    private LoginThrottle throttle;

    @BeforeEach
    void throttle() {
        throttle = new LoginThrottle(failures, InMemoryLoginThrottle.SETTINGS, clock);
    }

    @AfterEach
    void noFailuresLeft() {
        jdbc.update("DELETE FROM login_failure");
    }

    @Test
    void fiveFailuresInAWindowLockTheAccountForThatClientUntilTheWindowEnds() {
        for (int failure = 0; failure < 5; failure++) {
            failedLogin(ADA, CLIENT);
            now = now.plusSeconds(10);
        }
        now = START.plusMillis(49_500);

        assertThat(retryAfterOfRefusedLogin(ADA, CLIENT))
                .as("10.5 s rounded up")
                .isEqualTo(11);

        now = START.plusSeconds(60);
        assertThatCode(() -> throttle.beginLogin(ADA, CLIENT)).doesNotThrowAnyException();
    }

    @Test
    void attemptsWhileLockedDoNotExtendTheLock() {
        fiveFailedLogins(ADA, CLIENT);

        for (int second = 1; second < 60; second++) {
            now = START.plusSeconds(second);
            assertThat(retryAfterOfRefusedLogin(ADA, CLIENT)).isEqualTo(60 - second);
        }

        now = START.plusSeconds(60);
        fiveFailedLogins(ADA, CLIENT);
        assertThat(retryAfterOfRefusedLogin(ADA, CLIENT)).isEqualTo(60);
    }

    @Test
    void aSuccessfulLoginForgetsThatClientsFailuresOnTheAccount() {
        for (int failure = 0; failure < 4; failure++) {
            failedLogin(ADA, CLIENT);
        }

        throttle.beginLogin(ADA, CLIENT).succeeded();

        fiveFailedLogins(ADA, CLIENT);
        retryAfterOfRefusedLogin(ADA, CLIENT);
    }

    @Test
    void oneClientsFailuresDoNotHoldBackAnotherClientOnTheSameAccount() {
        fiveFailedLogins(ADA, CLIENT);

        assertThatCode(() -> throttle.beginLogin(ADA, "203.0.113.20")).doesNotThrowAnyException();
    }

    @Test
    void oneClientGuessingManyAccountsIsSlowed() {
        for (int account = 0; account < 20; account++) {
            failedLogin("user" + account + "@example.com", CLIENT);
        }

        assertThat(retryAfterOfRefusedLogin("user20@example.com", CLIENT)).isEqualTo(60);
        assertThatCode(() -> throttle.beginLogin("user20@example.com", "203.0.113.20"))
                .doesNotThrowAnyException();
    }

    @Test
    void manyClientsGuessingOneAccountAreSlowedTogetherTheOwnerToo() {
        for (int client = 0; client < 20; client++) {
            failedLogin(ADA, "203.0.113." + client);
        }

        assertThat(retryAfterOfRefusedLogin(ADA, CLIENT)).isEqualTo(60);
        assertThatCode(() -> throttle.beginLogin("grace@example.com", CLIENT)).doesNotThrowAnyException();
    }

    @Test
    void parallelGuessesCannotOutrunTheCount() throws Exception {
        int guesses = 20;
        ExecutorService guessers = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> passed = new ArrayList<>();
        for (int guess = 0; guess < guesses; guess++) {
            passed.add(guessers.submit(() -> {
                start.await();
                try {
                    throttle.beginLogin(ADA, CLIENT);
                    return true;
                } catch (TooManyAttemptsException refused) {
                    return false;
                }
            }));
        }
        start.countDown();

        int checked = 0;
        for (Future<Boolean> guess : passed) {
            checked += guess.get() ? 1 : 0;
        }
        guessers.shutdown();
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void aClientToldThreeTimesThatAnAddressHasAnAccountWaitsBeforeRegisteringAgain() {
        AtomicInteger sent = new AtomicInteger();
        for (int conflict = 0; conflict < 3; conflict++) {
            throttle.registering(CLIENT, () -> refusedAs(CommandRejection.Kind.CONFLICT, sent));
        }

        long retryAfter = retryAfterOf(() -> throttle.registering(CLIENT, () -> registered(sent)));

        assertThat(retryAfter).isEqualTo(60);
        assertThat(sent).as("registrations sent").hasValue(3);
    }

    @Test
    void registrationsRefusedForAnyOtherReasonOrAcceptedCountNothing() {
        AtomicInteger sent = new AtomicInteger();
        for (int registration = 0; registration < 4; registration++) {
            throttle.registering(CLIENT, () -> registered(sent));
            throttle.registering(CLIENT, () -> refusedAs(CommandRejection.Kind.INVALID, sent));
        }

        assertThat(sent).hasValue(8);
    }

    @Test
    void endedWindowsArePrunedAndNoKeyNamesAnAccountOrAnAddress() {
        failedLogin(ADA, CLIENT);
        assertThat(jdbc.queryForList("SELECT throttle_key FROM login_failure", String.class))
                .hasSize(3)
                .noneMatch(key -> key.contains("ada") || key.contains(CLIENT));

        now = START.plusSeconds(61);
        failedLogin("grace@example.com", "203.0.113.20");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM login_failure WHERE window_started_at < ?",
                        Long.class,
                        now.atOffset(ZoneOffset.UTC)))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failure", Long.class))
                .isEqualTo(3);
    }

    /** A login attempt that never succeeds is a failure. */
    private void failedLogin(String email, String clientAddress) {
        throttle.beginLogin(email, clientAddress);
    }

    private void fiveFailedLogins(String email, String clientAddress) {
        for (int failure = 0; failure < 5; failure++) {
            failedLogin(email, clientAddress);
        }
    }

    private long retryAfterOfRefusedLogin(String email, String clientAddress) {
        return retryAfterOf(() -> throttle.beginLogin(email, clientAddress));
    }

    private static long retryAfterOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (TooManyAttemptsException refused) {
            return Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        }
        return fail("The attempt was not refused");
    }

    private static CompletableFuture<Void> registered(AtomicInteger sent) {
        sent.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> refusedAs(CommandRejection.Kind kind, AtomicInteger sent) {
        sent.incrementAndGet();
        return CompletableFuture.failedFuture(
                new CommandExecutionException("refused", null, new CommandRejection(kind, "refused")));
    }
}
