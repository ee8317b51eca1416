package io.ticketing.user.persistence;

import io.ticketing.coreapi.common.UserId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Users' password hashes: only here, never in a command or an event. */
@Component
public class CredentialStore {

    private final JdbcTemplate jdbc;

    CredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the hash was stored; a user who has a password keeps it */
    public boolean storeIfAbsent(UserId user, String passwordHash) {
        return jdbc.update(
                        "INSERT INTO user_credential (user_id, password_hash) VALUES (?, ?)"
                                + " ON CONFLICT (user_id) DO NOTHING",
                        user.value(),
                        passwordHash)
                == 1;
    }

    public Optional<String> passwordHashOf(UserId user) {
        return jdbc
                .queryForList("SELECT password_hash FROM user_credential WHERE user_id = ?", String.class, user.value())
                .stream()
                .findFirst();
    }

    public void forget(UserId user) {
        jdbc.update("DELETE FROM user_credential WHERE user_id = ?", user.value());
    }
}
