package io.ticketing.user.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Failures counted per key, each key in a window that starts at its first failure. Every instance of the user service
 * must see the same counts, and each change must be atomic: instances count the same key at the same time.
 */
interface LoginFailures {

    /**
     * Counts one failure of the key: in its current window, or in a new one from {@code now} when the current one,
     * {@code window} long, has ended.
     *
     * @return the key's failures in its window, this one included
     */
    FailureCount add(String key, Instant now, Duration window);

    /** Takes back one failure of the key: the attempt it was counted for turned out not to be one. */
    void takeBack(String key);

    /** Forgets every failure of the key. */
    void forget(String key);

    /** Forgets the keys whose window, {@code window} long, has ended by {@code now}: they hold nobody back. */
    void forgetEndedWindows(Instant now, Duration window);

    record FailureCount(int failures, Instant windowStartedAt) {}
}
