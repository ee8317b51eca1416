package io.ticketing.user.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failures counted in the user service's own database, one row a key, so that every instance throttles alike. Each
 * change is one statement, atomic under the row's lock: two instances counting a key at once both count.
 */
@Component
class JdbcLoginFailures implements LoginFailures {

    private static final String ADD = """
            INSERT INTO login_failure AS counted (throttle_key, window_started_at, failures) VALUES (?, ?, 1)
            ON CONFLICT (throttle_key) DO UPDATE SET
                window_started_at = CASE WHEN counted.window_started_at <= ? THEN excluded.window_started_at
                                         ELSE counted.window_started_at END,
                failures = CASE WHEN counted.window_started_at <= ? THEN 1 ELSE counted.failures + 1 END
            RETURNING failures, window_started_at""";

    private final JdbcTemplate jdbc;

    JdbcLoginFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public FailureCount add(String key, Instant now, Duration window) {
        OffsetDateTime endedWindowsStartedBy = utc(now.minus(window));
        return jdbc.queryForObject(
                ADD,
                (row, rowNumber) -> new FailureCount(
                        row.getInt("failures"),
                        row.getObject("window_started_at", OffsetDateTime.class).toInstant()),
                key,
                utc(now),
                endedWindowsStartedBy,
                endedWindowsStartedBy);
    }

    @Override
    public void takeBack(String key) {
        jdbc.update("UPDATE login_failure SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0", key);
    }

    @Override
    public void forget(String key) {
        jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", key);
    }

    @Override
    public void forgetEndedWindows(Instant now, Duration window) {
        jdbc.update("DELETE FROM login_failure WHERE window_started_at <= ?", utc(now.minus(window)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
