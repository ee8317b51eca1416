package io.ticketing.launcher;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the standalone platform keeps its databases in: an embedded one that the launcher starts
 * and stops, or an external one it only connects to.
 */
final class PostgresServer implements AutoCloseable {

    /** Where PostgreSQL's own builds, zonky's among them, put a server's Unix socket unless told otherwise. */
    private static final Path DEFAULT_SOCKET_DIRECTORY = Path.of("/tmp");

    private final String host;
    private final int port;
    private final String connectionParameters;
    private final String username;
    private final String password;
    private final AutoCloseable embedded;

    private PostgresServer(
            String host,
            int port,
            String connectionParameters,
            String username,
            String password,
            AutoCloseable embedded) {
        this.host = host;
        this.port = port;
        this.connectionParameters = connectionParameters;
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
        return new PostgresServer(
                "localhost",
                postgres.getPort(),
                unixSocketParameters(DEFAULT_SOCKET_DIRECTORY.resolve(".s.PGSQL." + postgres.getPort())),
                "postgres",
                "",
                postgres);
    }

    /**
     * Connects to a server someone else runs, by the JDBC URL of any database on it. Its parameters (say, {@code
     * sslmode}, or a {@code socketFactory} for a Unix socket) hold for every database.
     */
    static PostgresServer external(String jdbcUrl, String username, String password) {
        Properties url = Driver.parseURL(jdbcUrl, new Properties());
        if (url == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int parameters = jdbcUrl.indexOf('?');
        return new PostgresServer(
                url.getProperty("PGHOST"),
                Integer.parseInt(url.getProperty("PGPORT")),
                parameters < 0 ? "" : jdbcUrl.substring(parameters),
                username,
                password,
                () -> {});
    }

    /**
     * The driver's parameters that connect through the server's Unix socket, or none (TCP) where junixsocket cannot
     * open one, as on a system it has no native library for. A statement's round trip through the socket skips the
     * loopback's TCP stack, and a booking makes dozens of them (docs/benchmarks.md, twenty-ninth round).
     */
    static String unixSocketParameters(Path socket) {
        if (!AFUNIXSocket.isSupported() || !Files.exists(socket)) {
            return "";
        }
        return "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg="
                + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
    }

    /**
     * How the platform connects to {@code database}: through the embedded server's Unix socket when it can, with an
     * external server's parameters.
     */
    String jdbcUrl(String database) {
        return networkUrl(database) + connectionParameters;
    }

    /** How any program connects to {@code database}, over the network. */
    String networkUrl(String database) {
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
