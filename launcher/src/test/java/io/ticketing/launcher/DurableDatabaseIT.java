package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user starts it, keeping its data: the embedded PostgreSQL it starts must not acknowledge a
 * booking before it is on disk.
 */
class DurableDatabaseIT {

    @Test
    void theEmbeddedDatabaseThatKeepsDataCommitsDurably(@TempDir Path dataDirectory) throws Exception {
        Path log = Files.createTempFile("durable-database", ".log");
        LauncherProcess launcher =
                LauncherProcess.start(Map.of(), log, "--data-dir=" + dataDirectory.resolve("postgres"));
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + launcher.postgresPort() + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        } finally {
            launcher.stop();
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
