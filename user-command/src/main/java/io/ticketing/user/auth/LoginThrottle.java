package io.ticketing.user.auth;

import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.user.auth.LoginFailures.FailureCount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Slows the guessing of passwords, and of which email addresses have accounts, alike on every instance of the user
 * service: the counts live in its database ({@link LoginFailures}).
 *
 * <p>A login attempt counts against three keys, each with its own bound per window (the defaults in parentheses):
 * <ul>
 *     <li>the account and the client address together (5): one client guessing one account is stopped soonest, and
 *     only that client: the account's owner, elsewhere, logs in as usual;</li>
 *     <li>the client address (20): one client trying a password or two on each of many accounts (spraying) is
 *     slowed however many accounts it tries;</li>
 *     <li>the account (20): many clients guessing one account together (a botnet, each address below the first
 *     bound) are slowed together. This bound is higher than the first because anyone can spend it: reaching it
 *     shuts the owner out as well, until the window ends; an attacker needs at least four addresses for that.</li>
 * </ul>
 * A registration refused because its email address already has an account counts against the client address (3):
 * that refusal tells a stranger that the address has an account, so a client learns it of a few addresses a window.
 *
 * <p>An attempt is counted before the password is checked, so that parallel guesses cannot all pass a check made
 * before any of them failed; one that turns out right takes its counts back, and a successful login also forgets
 * that client's earlier failures on that account. A key at its bound refuses every attempt, the right password too,
 * until its window ends. The window starts at the key's first failure and a refused attempt counts nothing, so no
 * one can make a lock last longer than one window. An unknown email counts like a wrong password.
 *
 * <p>Keys are SHA-256 digests of the email address and the client address, so the table holds neither, and a key's
 * length does not depend on what a client sends. The client address is the connection's: behind a proxy, have
 * the server take the forwarded address (server.forward-headers-strategy). Every IPv6 address counts on its own, so
 * a client with a whole IPv6 prefix is held back by the per-account bound only.
 */
public class LoginThrottle {

    private final LoginFailures failures;
    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final AtomicReference<Instant> nextPruning = new AtomicReference<>(Instant.MIN);

    LoginThrottle(LoginFailures failures, LoginThrottleSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts a login attempt as failed until it {@linkplain Attempt#succeeded() succeeds}.
     *
     * @param email         as the account is looked up by: lower case
     * @param clientAddress {@code HttpServletRequest.getRemoteAddr()}
     * @throws TooManyAttemptsException when any of the attempt's keys is at its bound: nothing is counted
     */
    Attempt beginLogin(String email, String clientAddress) {
        return begin(
                "Too many failed logins",
                List.of(
                        Key.of(Bound.ACCOUNT_AND_ADDRESS, email + "\n" + clientAddress),
                        Key.of(Bound.ADDRESS, clientAddress),
                        Key.of(Bound.ACCOUNT, email)));
    }

    /**
     * Sends a registration unless its client has been told too often that an address has an account; if it is
     * refused for that reason once more, that counts.
     *
     * @throws TooManyAttemptsException without sending the registration
     */
    public <T> CompletableFuture<T> registering(String clientAddress, Supplier<CompletableFuture<T>> registration) {
        Attempt attempt = begin(
                "Too many registrations of email addresses that already have an account",
                List.of(Key.of(Bound.TAKEN_ADDRESSES_OF_CLIENT, clientAddress)));
        return registration.get().whenComplete((registered, refused) -> {
            if (!isAddressTaken(refused)) {
                attempt.succeeded();
            }
        });
    }

    /** A new user's id is fresh, so the one rule a registration can break is that its address is taken. */
    private static boolean isAddressTaken(Throwable refused) {
        return refused != null
                && CommandRejection.of(refused)
                        .filter(rejection -> rejection.kind() == CommandRejection.Kind.CONFLICT)
                        .isPresent();
    }

    private Attempt begin(String what, List<Key> keys) {
        Instant now = clock.instant();
        pruneEndedWindows(now);
        List<Key> counted = new ArrayList<>();
        for (Key key : keys) {
            FailureCount count = failures.add(key.id(), now, settings.window());
            counted.add(key);
            if (count.failures() > key.bound().limit(settings)) {
                counted.forEach(done -> failures.takeBack(done.id()));
                throw new TooManyAttemptsException(
                        what, Duration.between(now, count.windowStartedAt().plus(settings.window())));
            }
        }
        return new Attempt(keys);
    }

    /** Once a window on each instance is often enough: a row whose window has ended only takes room. */
    private void pruneEndedWindows(Instant now) {
        Instant due = nextPruning.get();
        if (!now.isBefore(due) && nextPruning.compareAndSet(due, now.plus(settings.window()))) {
            failures.forgetEndedWindows(now, settings.window());
        }
    }

    /** An attempt in progress, counted as a failure unless it succeeds. */
    final class Attempt {

        private final List<Key> keys;

        private Attempt(List<Key> keys) {
            this.keys = keys;
        }

        /**
         * The attempt was no failed guess: its counts are taken back, and a login forgets the client's earlier
         * failures on the account.
         */
        void succeeded() {
            for (Key key : keys) {
                if (key.bound() == Bound.ACCOUNT_AND_ADDRESS) {
                    failures.forget(key.id());
                } else {
                    failures.takeBack(key.id());
                }
            }
        }
    }

    private enum Bound {
        ACCOUNT_AND_ADDRESS,
        ADDRESS,
        ACCOUNT,
        TAKEN_ADDRESSES_OF_CLIENT;

        int limit(LoginThrottleSettings settings) {
            return switch (this) {
                case ACCOUNT_AND_ADDRESS -> settings.failuresPerAccountAndAddress();
                case ADDRESS -> settings.failuresPerAddress();
                case ACCOUNT -> settings.failuresPerAccount();
                case TAKEN_ADDRESSES_OF_CLIENT -> settings.takenAddressesPerClient();
            };
        }
    }

    private record Key(Bound bound, String id) {

        static Key of(Bound bound, String counted) {
            return new Key(bound, bound.name().toLowerCase(Locale.ROOT) + ":" + sha256(counted));
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
        }
    }
}
