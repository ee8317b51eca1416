package io.ticketing.launcher;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the standalone platform keeps its databases in: an embedded one that the launcher starts
 * and stops, or an external one it only connects to.
 */
final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final AutoCloseable embedded;

    private PostgresServer(String host, int port, String username, String password, AutoCloseable embedded) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * Starts a real PostgreSQL from Maven Central's binaries. A kept data directory survives restarts and is
     * durable: every commit is on disk before it is acknowledged (zonky starts the server with fsync and
     * synchronous commits off, which a power cut punishes with lost bookings or a corrupt directory). A throwaway
     * one, deleted on close, keeps zonky's faster settings: it holds nothing worth a crash.
     */
    static PostgresServer embedded(Path dataDirectory, boolean throwaway, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setCleanDataDirectory(throwaway)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofMinutes(1));
        if (!throwaway) {
            builder.setDataDirectory(dataDirectory.toAbsolutePath().toFile())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        return new PostgresServer("localhost", postgres.getPort(), "postgres", "", postgres);
    }

    /** Connects to a server someone else runs, by the JDBC URL of any database on it. */
    static PostgresServer external(String jdbcUrl, String username, String password) {
        Properties url = Driver.parseURL(jdbcUrl, new Properties());
        if (url == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return new PostgresServer(
                url.getProperty("PGHOST"), Integer.parseInt(url.getProperty("PGPORT")), username, password, () -> {});
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    void createMissingDatabases(Collection<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    HikariDataSource pool(String database, int size, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setAutoCommit(autoCommit);
        config.setPoolName(database);
        return new HikariDataSource(config);
    }

    @Override
    public void close() throws Exception {
        embedded.close();
    }
}
