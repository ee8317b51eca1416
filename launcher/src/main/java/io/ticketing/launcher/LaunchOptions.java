package io.ticketing.launcher;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How to start the standalone platform.
 *
 * @param database          where the databases live
 * @param randomPorts       every service on a free port instead of its fixed one (for tests, and for running beside
 *                          another copy)
 * @param serviceProperties settings given to every service, above their configuration files
 * @param databaseOnly      start PostgreSQL with every service's database and nothing else, for services that run
 *                          as their own processes (the distributed mode)
 * @param stopOnceStarted   stop as soon as every service has started: the start that records which classes a start
 *                          loads, for the JVM's class-data archive ({@code scripts/class-data-archive.sh})
 */
record LaunchOptions(
        DatabaseChoice database,
        boolean randomPorts,
        Map<String, String> serviceProperties,
        boolean databaseOnly,
        boolean stopOnceStarted) {

    LaunchOptions(DatabaseChoice database, boolean randomPorts, Map<String, String> serviceProperties) {
        this(database, randomPorts, serviceProperties, false, false);
    }

    static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "postgres");

    sealed interface DatabaseChoice {}

    /** An embedded PostgreSQL whose data stays in {@code dataDirectory} from one run to the next. */
    record KeptEmbedded(Path dataDirectory, int port) implements DatabaseChoice {}

    /** An embedded PostgreSQL in a temporary directory, deleted when the platform stops. */
    record ThrowawayEmbedded() implements DatabaseChoice {}

    /** A PostgreSQL server someone else runs; the platform creates its databases there when they are missing. */
    record External(String jdbcUrl, String username, String password) implements DatabaseChoice {}

    /**
     * The launcher's command-line options, which picocli reads; with the environment they choose the database:
     * {@code BOOKING_PG_URL} (with {@code BOOKING_PG_USER} and {@code BOOKING_PG_PASSWORD}) an external server,
     * above any option.
     */
    static final class Arguments {

        @Option(
                names = "--throwaway",
                description = "An embedded PostgreSQL in a temporary directory, deleted on "
                        + "stop; fast and not crash-safe (fsync and synchronous commits off).")
        private boolean throwaway;

        @Option(
                names = "--data-dir",
                paramLabel = "PATH",
                description = "Where the embedded PostgreSQL keeps its " + "data, durably (default: ${DEFAULT-VALUE}).")
        private Path dataDirectory = DEFAULT_DATA_DIRECTORY;

        @Option(
                names = "--pg-port",
                paramLabel = "N",
                converter = PortNumber.class,
                description = "The embedded PostgreSQL's port (default: a free one).")
        private int postgresPort;

        @Option(names = "--random-ports", description = "Every service on a free port instead of its fixed one.")
        private boolean randomPorts;

        @Option(
                names = "--database-only",
                description = "PostgreSQL with every service's database and no service, "
                        + "for services that run as their own processes (the distributed mode).")
        private boolean databaseOnly;

        @Option(
                names = "--stop-once-started",
                description = "Stop as soon as every service has started, as the start that records a class-data "
                        + "archive does.")
        private boolean stopOnceStarted;

        LaunchOptions with(Map<String, String> environment) {
            String externalUrl = environment.get("BOOKING_PG_URL");
            DatabaseChoice database;
            if (externalUrl != null && !externalUrl.isBlank()) {
                database = new External(
                        externalUrl,
                        environment.getOrDefault("BOOKING_PG_USER", "postgres"),
                        environment.getOrDefault("BOOKING_PG_PASSWORD", ""));
            } else if (throwaway) {
                database = new ThrowawayEmbedded();
            } else {
                database = new KeptEmbedded(dataDirectory, postgresPort);
            }
            return new LaunchOptions(database, randomPorts, Map.of(), databaseOnly, stopOnceStarted);
        }
    }

    static final class PortNumber implements CommandLine.ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65_536) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // Answered below, with the rule.
            }
            throw new CommandLine.TypeConversionException(value + " is not a port number from 1 to 65535");
        }
    }
}
