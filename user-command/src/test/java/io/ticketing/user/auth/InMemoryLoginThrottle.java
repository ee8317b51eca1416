package io.ticketing.user.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The login throttle for web slices, with the bounds of {@code user-command.yml}, counting in memory:
 * {@link LoginThrottleIT} shows the same behaviour on PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryLoginThrottle {

    /** The bounds the service runs with: its own {@code user-command.yml}, so that tests check the defaults. */
    public static final LoginThrottleSettings SETTINGS = serviceDefaults();

    @Bean
    Failures inMemoryLoginFailures() {
        return new Failures();
    }

    @Bean
    LoginThrottle loginThrottle(Failures failures) {
        return new LoginThrottle(failures, SETTINGS, Clock.systemUTC());
    }

    private static LoginThrottleSettings serviceDefaults() {
        try {
            List<PropertySource<?>> yaml =
                    new YamlPropertySourceLoader().load("user-command.yml", new ClassPathResource("user-command.yml"));
            return new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("user.login-throttle", LoginThrottleSettings.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's contract without a database; {@link #clear()} lets each test start with no failures. */
    public static final class Failures implements LoginFailures {

        private final Map<String, FailureCount> counts = new ConcurrentHashMap<>();

        @Override
        public FailureCount add(String key, Instant now, Duration window) {
            return counts.merge(
                    key,
                    new FailureCount(1, now),
                    (counted, first) -> hasEnded(counted, now, window)
                            ? first
                            : new FailureCount(counted.failures() + 1, counted.windowStartedAt()));
        }

        @Override
        public void takeBack(String key) {
            counts.computeIfPresent(
                    key,
                    (ignored, counted) ->
                            new FailureCount(Math.max(0, counted.failures() - 1), counted.windowStartedAt()));
        }

        @Override
        public void forget(String key) {
            counts.remove(key);
        }

        @Override
        public void forgetEndedWindows(Instant now, Duration window) {
            counts.values().removeIf(counted -> hasEnded(counted, now, window));
        }

        public void clear() {
            counts.clear();
        }

        private static boolean hasEnded(FailureCount counted, Instant now, Duration window) {
            return !counted.windowStartedAt().isAfter(now.minus(window));
        }
    }
}
