package io.ticketing.user.privacy;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubjectKey;
import io.ticketing.coreapi.privacy.FindDataSubjectKey;
import java.security.SecureRandom;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys of users' personal data, kept in this service's database and nowhere else. Every service that reads
 * events asks here ({@link FindDataSubjectKey}); destroying a key erases every personal value of its user at once.
 */
@Component
public class PersonalDataKeys {

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    PersonalDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives the user a key unless they have one or were erased. Committed on its own, before the command that records
     * the user's personal data, so that the event serializer of whichever process stores the events finds it.
     */
    public void issueFor(UserId user) {
        byte[] secret = new byte[KEY_BYTES];
        RANDOM.nextBytes(secret);
        jdbc.update(
                "INSERT INTO personal_data_key (user_id, secret) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
                user.value(),
                secret);
    }

    /** Destroys the user's key for good, leaving a tombstone even where there was none. */
    public void destroyFor(UserId user) {
        jdbc.update("""
                INSERT INTO personal_data_key (user_id, secret, erased_at) VALUES (?, NULL, now())
                ON CONFLICT (user_id)
                DO UPDATE SET secret = NULL, erased_at = COALESCE(personal_data_key.erased_at, now())
                """, user.value());
    }

    @QueryHandler
    DataSubjectKey handle(FindDataSubjectKey query) {
        List<DataSubjectKey> keys = jdbc.query(
                "SELECT secret, erased_at FROM personal_data_key WHERE user_id = ?",
                (row, number) -> new DataSubjectKey(
                        query.subject(), row.getBytes("secret"), row.getTimestamp("erased_at") != null),
                query.subject().value());
        return keys.isEmpty() ? new DataSubjectKey(query.subject(), null, false) : keys.get(0);
    }
}
