package io.ticketing.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the whole platform in this JVM and keeps it running until Ctrl-C. */
public final class BookingPlatformLauncher {

    private static final Logger log = LoggerFactory.getLogger(BookingPlatformLauncher.class);

    private BookingPlatformLauncher() {
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.exit(2);
            return;
        }
        if (options.databaseOnly()) {
            serveDatabasesOnly(options);
            return;
        }
        long started = System.nanoTime();
        StandalonePlatform platform;
        try {
            platform = StandalonePlatform.start(options);
        } catch (Exception | Error failed) {
            // What did start has been stopped; threads a failed start left behind must not keep the JVM alive.
            log.error("The booking platform could not start", failed);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the booking platform");
            try {
                platform.close();
            } catch (Exception e) {
                log.error("The platform did not stop cleanly", e);
            }
            stopped.countDown();
        }, "platform-shutdown"));

        System.out.println(urlTable(platform, Duration.ofNanos(System.nanoTime() - started)));
        stopped.await();
    }

    /**
     * Where everything is, as one table. Tools that start the launcher read the lines that begin with a name and
     * {@code http://localhost:PORT}, and wait for "Press Ctrl-C to stop.".
     */
    static String urlTable(StandalonePlatform platform, Duration startedIn) {
        List<ServiceUrls> services = platform.services().stream().map(ServiceUrls::of).toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("service", "URL", "API description (Swagger UI)", "actuator", "database"));
        for (ServiceUrls service : services) {
            rows.add(List.of(service.name(), service.baseUrl(), service.swaggerUi().orElse("off"),
                    String.join(" ", service.actuator()), service.database()));
        }
        services.stream().flatMap(service -> service.dashboard().stream())
                .forEach(dashboard -> rows.add(List.of("dashboard", dashboard)));
        rows.add(List.of("postgresql", "localhost:" + platform.postgresPort(), "", "",
                "eventstore and the above"));

        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        StringBuilder table = new StringBuilder(String.format("%nBooking platform is up in %d s:%n",
                startedIn.toSeconds()));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                line.append("  ").append(String.format("%-" + widths[column] + "s", row.get(column)));
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.append("Press Ctrl-C to stop.").toString();
    }

    /** PostgreSQL with the databases of every service, for services that run as their own processes. */
    private static void serveDatabasesOnly(LaunchOptions options) throws Exception {
        PostgresServer postgres = StandalonePlatform.startDatabases(options.database());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                log.error("PostgreSQL did not stop cleanly", e);
            }
            stopped.countDown();
        }, "database-shutdown"));
        System.out.printf("%nPostgreSQL is up at %s (user %s) with the databases eventstore, %s.%n"
                        + "Press Ctrl-C to stop.%n", postgres.jdbcUrl("<database>"), postgres.username(),
                String.join(", ", StandalonePlatform.SERVICES.stream()
                        .map(StandalonePlatform.StandaloneService::database).toList()));
        stopped.await();
    }
}
