package io.ticketing.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The standalone platform's databases, reached as their owner, for what a test checks behind the services. */
final class PlatformDatabases {

    private PlatformDatabases() {}

    static Connection connect(StandalonePlatform platform, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + platform.postgresPort() + "/" + database, "postgres", "");
    }
}
