package io.ticketing.support.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every service keeps its own list of revoked users in its own database ({@code revoked_user}, created with the Axon
 * tables), filled by the {@value RevokedUsersProjection#PROCESSING_GROUP} processor, which platform-defaults.yml
 * configures like the services' own: batches, the JDBC token store, poison-event isolation and a dead-letter queue.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class TokenRevocationAutoConfiguration {

    @Bean
    RevokedUsersProjection revokedUsersProjection(JdbcTemplate jdbc) {
        return new RevokedUsersProjection(jdbc);
    }

    @Bean
    PolledRevokedUsers revokedUsers(
            JdbcTemplate jdbc, @Value("${platform.security.revoked-users-refresh:PT0.5S}") Duration refresh) {
        return new PolledRevokedUsers(jdbc, refresh);
    }
}
