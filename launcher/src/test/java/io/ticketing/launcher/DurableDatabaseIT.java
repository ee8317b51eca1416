package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user starts it, keeping its data: the embedded PostgreSQL it starts must not acknowledge a
 * booking before it is on disk, and the platform reaches it through its Unix socket.
 */
class DurableDatabaseIT {

    @TempDir
    static Path dataDirectory;

    private static LauncherProcess launcher;

    @BeforeAll
    static void startTheLauncher() throws Exception {
        Path log = Files.createTempFile("durable-database", ".log");
        launcher = LauncherProcess.start(Map.of(), log, "--data-dir=" + dataDirectory.resolve("postgres"));
    }

    @AfterAll
    static void stopTheLauncher() throws Exception {
        launcher.stop();
    }

    @Test
    void theEmbeddedDatabaseThatKeepsDataCommitsDurably() throws Exception {
        try (Connection connection = connection();
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void everyConnectionOfThePlatformComesThroughTheUnixSocket() throws Exception {
        // A connection through a Unix socket has no client address; this test's own comes over TCP, to postgres.
        String platformConnections =
                "SELECT count(*), count(*) FILTER (WHERE client_addr IS NULL) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND datname <> 'postgres'";
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet counted = statement.executeQuery(platformConnections)) {
            counted.next();
            assertThat(counted.getInt(1)).isPositive();
            assertThat(counted.getInt(2)).isEqualTo(counted.getInt(1));
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + launcher.postgresPort() + "/postgres", "postgres", "");
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
