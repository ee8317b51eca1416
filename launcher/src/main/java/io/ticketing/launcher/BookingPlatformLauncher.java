package io.ticketing.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the whole platform in this JVM and keeps it running until Ctrl-C. */
@Command(
        name = "booking-platform-launcher",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = BookingPlatformLauncher.Version.class,
        description = "Starts the booking platform in one JVM, an embedded PostgreSQL (its data kept under the "
                + "working directory unless told otherwise) and every service on its port, until Ctrl-C.",
        footer = {
            "",
            "Environment:",
            "  BOOKING_PG_URL       an external PostgreSQL instead of the embedded one: the",
            "                       JDBC URL of any database on it; the launcher creates",
            "                       the databases it lacks",
            "  BOOKING_PG_USER      its user (default: postgres)",
            "  BOOKING_PG_PASSWORD  its password (default: none)"
        })
public final class BookingPlatformLauncher implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BookingPlatformLauncher.class);

    @Mixin
    private LaunchOptions.Arguments arguments;

    /** Whether the launcher stopped the platform itself, once started, rather than a Ctrl-C. */
    private boolean stoppedByItself;

    public static void main(String[] args) {
        BookingPlatformLauncher launcher = new BookingPlatformLauncher();
        int exitCode = new CommandLine(launcher).execute(args);
        // Threads left behind must not keep the JVM alive: those of a failed start, and Axon's janitor of the units
        // of work's time limits, which is no daemon and which nothing stops. A platform stopped with Ctrl-C ends with
        // the shutdown hooks instead, which System.exit would wait for forever.
        if (exitCode != 0 || launcher.stoppedByItself) {
            System.exit(exitCode);
        }
    }

    /** @return 0 once stopped (with Ctrl-C, or once started if asked to), 1 when the platform could not start */
    @Override
    public Integer call() throws Exception {
        LaunchOptions options = arguments.with(System.getenv());
        if (options.databaseOnly()) {
            serveDatabasesOnly(options);
            return 0;
        }
        long started = System.nanoTime();
        StandalonePlatform platform;
        try {
            platform = StandalonePlatform.start(options);
        } catch (Exception | Error failed) {
            // What did start has been stopped.
            log.error("The booking platform could not start", failed);
            return 1;
        }
        if (options.stopOnceStarted()) {
            log.info(
                    "Every service started in {} ms; stopping, as asked",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            platform.close();
            stoppedByItself = true;
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping the booking platform");
                            try {
                                platform.close();
                            } catch (Exception e) {
                                log.error("The platform did not stop cleanly", e);
                            }
                            stopped.countDown();
                        },
                        "platform-shutdown"));

        System.out.println(urlTable(platform, Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
        return 0;
    }

    /**
     * Where everything is, as one table. Tools that start the launcher read the lines that begin with a name and
     * {@code http://localhost:PORT}, and wait for "Press Ctrl-C to stop.".
     */
    static String urlTable(StandalonePlatform platform, Duration startedIn) {
        List<ServiceUrls> services =
                platform.services().stream().map(ServiceUrls::of).toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("service", "URL", "API description (Swagger UI)", "actuator", "database"));
        for (ServiceUrls service : services) {
            rows.add(List.of(
                    service.name(),
                    service.baseUrl(),
                    service.swaggerUi().orElse("off"),
                    String.join(" ", service.actuator()),
                    service.database()));
        }
        services.stream()
                .flatMap(service -> service.dashboard().stream())
                .forEach(dashboard -> rows.add(List.of("dashboard", dashboard)));
        rows.add(List.of("postgresql", "localhost:" + platform.postgresPort(), "", "", "eventstore and the above"));

        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        StringBuilder table =
                new StringBuilder(String.format("%nBooking platform is up in %d s:%n", startedIn.toSeconds()));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append("  ").append(String.format("%-" + widths[column] + "s", row.get(column)));
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.append("Press Ctrl-C to stop.").toString();
    }

    /** {@code --version}: the version that the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"${COMMAND-NAME} " + Version.class.getPackage().getImplementationVersion()};
        }
    }

    /** PostgreSQL with the databases of every service, for services that run as their own processes. */
    private static void serveDatabasesOnly(LaunchOptions options) throws Exception {
        PostgresServer postgres = StandalonePlatform.startDatabases(options.database());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (Exception e) {
                                log.error("PostgreSQL did not stop cleanly", e);
                            }
                            stopped.countDown();
                        },
                        "database-shutdown"));
        System.out.printf(
                "%nPostgreSQL is up at %s (user %s) with the databases eventstore, %s.%n" + "Press Ctrl-C to stop.%n",
                postgres.networkUrl("<database>"),
                postgres.username(),
                String.join(
                        ", ",
                        StandalonePlatform.SERVICES.stream()
                                .map(StandalonePlatform.StandaloneService::database)
                                .toList()));
        stopped.await();
    }
}
