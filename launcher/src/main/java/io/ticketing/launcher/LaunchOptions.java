package io.ticketing.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the standalone platform.
 *
 * @param database          where the databases live
 * @param randomPorts       every service on a free port instead of its fixed one (for tests, and for running beside
 *                          another copy)
 * @param serviceProperties settings given to every service, above their configuration files
 * @param databaseOnly      start PostgreSQL with every service's database and nothing else, for services that run
 *                          as their own processes (the distributed mode)
 */
record LaunchOptions(DatabaseChoice database, boolean randomPorts, Map<String, String> serviceProperties,
                     boolean databaseOnly) {

    LaunchOptions(DatabaseChoice database, boolean randomPorts, Map<String, String> serviceProperties) {
        this(database, randomPorts, serviceProperties, false);
    }


    static final Path DEFAULT_DATA_DIRECTORY = Path.of("data", "postgres");

    sealed interface DatabaseChoice {
    }

    /** An embedded PostgreSQL whose data stays in {@code dataDirectory} from one run to the next. */
    record KeptEmbedded(Path dataDirectory, int port) implements DatabaseChoice {
    }

    /** An embedded PostgreSQL in a temporary directory, deleted when the platform stops. */
    record ThrowawayEmbedded() implements DatabaseChoice {
    }

    /** A PostgreSQL server someone else runs; the platform creates its databases there when they are missing. */
    record External(String jdbcUrl, String username, String password) implements DatabaseChoice {
    }

    /**
     * Reads the options from the command line and the environment: {@code BOOKING_PG_URL} (with
     * {@code BOOKING_PG_USER} and {@code BOOKING_PG_PASSWORD}) selects an external server; otherwise
     * {@code --throwaway} an embedded one that keeps nothing, and {@code --data-dir=PATH} (default
     * {@code ./data/postgres}) and {@code --pg-port=N} an embedded one that keeps its data. {@code --database-only}
     * starts no service.
     */
    static LaunchOptions parse(String[] args, Map<String, String> environment) {
        Path dataDirectory = DEFAULT_DATA_DIRECTORY;
        int postgresPort = 0;
        boolean throwaway = false;
        boolean randomPorts = false;
        boolean databaseOnly = false;
        for (String arg : args) {
            if (arg.equals("--throwaway")) {
                throwaway = true;
            } else if (arg.equals("--database-only")) {
                databaseOnly = true;
            } else if (arg.equals("--random-ports")) {
                randomPorts = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDirectory = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--pg-port=")) {
                postgresPort = port(arg.substring("--pg-port=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + "; known: --throwaway, --random-ports, "
                        + "--data-dir=PATH, --pg-port=N, --database-only (and BOOKING_PG_URL, BOOKING_PG_USER, "
                        + "BOOKING_PG_PASSWORD)");
            }
        }
        String externalUrl = environment.get("BOOKING_PG_URL");
        DatabaseChoice database;
        if (externalUrl != null && !externalUrl.isBlank()) {
            database = new External(externalUrl, environment.getOrDefault("BOOKING_PG_USER", "postgres"),
                    environment.getOrDefault("BOOKING_PG_PASSWORD", ""));
        } else if (throwaway) {
            database = new ThrowawayEmbedded();
        } else {
            database = new KeptEmbedded(dataDirectory, postgresPort);
        }
        return new LaunchOptions(database, randomPorts, Map.of(), databaseOnly);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65_536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, with the rule.
        }
        throw new IllegalArgumentException("--pg-port takes a port number from 1 to 65535, not " + value);
    }
}
