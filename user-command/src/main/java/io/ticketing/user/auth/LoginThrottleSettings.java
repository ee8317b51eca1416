package io.ticketing.user.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard {@link LoginThrottle} makes guessing; the values are in {@code user-command.yml}.
 *
 * @param window                       how long a key's failures count, from its first; a key at its bound is
 *                                     refused until its window ends
 * @param failuresPerAccountAndAddress failed logins one client address may make on one account in a window
 * @param failuresPerAddress           failed logins one client address may make on all accounts together
 * @param failuresPerAccount           failed logins all client addresses together may make on one account
 * @param takenAddressesPerClient      registrations one client address may make of email addresses that already
 *                                     have an account
 */
@ConfigurationProperties("user.login-throttle")
public record LoginThrottleSettings(
        Duration window,
        int failuresPerAccountAndAddress,
        int failuresPerAddress,
        int failuresPerAccount,
        int takenAddressesPerClient) {

    public LoginThrottleSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("user.login-throttle.window must be a positive duration");
        }
        if (failuresPerAccountAndAddress < 1
                || failuresPerAddress < 1
                || failuresPerAccount < 1
                || takenAddressesPerClient < 1) {
            throw new IllegalArgumentException("Every bound of user.login-throttle must be at least 1");
        }
    }
}
