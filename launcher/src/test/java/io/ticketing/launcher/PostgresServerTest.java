package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void theParametersOfAnExternalServersUrlHoldForEveryDatabase() {
        PostgresServer server = PostgresServer.external(
                "jdbc:postgresql://db.example:5433/postgres?sslmode=require&ApplicationName=booking", "booking", "");

        assertThat(server.jdbcUrl("eventstore"))
                .isEqualTo("jdbc:postgresql://db.example:5433/eventstore?sslmode=require&ApplicationName=booking");
        assertThat(server.networkUrl("eventstore")).isEqualTo("jdbc:postgresql://db.example:5433/eventstore");
    }

    @Test
    void aServerWithoutAUnixSocketIsReachedOverTcp(@TempDir Path directory) {
        assertThat(PostgresServer.unixSocketParameters(directory.resolve(".s.PGSQL.5432")))
                .isEmpty();
    }
}
