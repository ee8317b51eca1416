package io.ticketing.launcher;

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

        StringBuilder table = new StringBuilder(String.format("%nBooking platform is up in %d s:%n",
                (System.nanoTime() - started) / 1_000_000_000));
        for (StandalonePlatform.RunningService service : platform.services()) {
            table.append(String.format("  %-17s http://localhost:%d   (database %s)%n",
                    service.name(), service.port(), service.database()));
        }
        table.append(String.format("  %-17s localhost:%d   (databases eventstore and the above)%n",
                "postgresql", platform.postgresPort()));
        table.append("Press Ctrl-C to stop.");
        System.out.println(table);
        stopped.await();
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
