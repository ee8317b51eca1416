package io.ticketing.launcher;

import io.ticketing.booking.BookingCommandApplication;
import io.ticketing.coordinator.SagaCoordinatorApplication;
import io.ticketing.payment.PaymentCommandApplication;
import io.ticketing.query.BookingQueryApplication;
import io.ticketing.support.ServiceDefinition;
import io.ticketing.user.UserCommandApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The whole platform in one JVM: a PostgreSQL server with one database per service and one for events, the shared
 * Axon infrastructure in a parent context, and every service as a child context with its own database and port.
 */
public final class StandalonePlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandalonePlatform.class);

    /** The services in start order, each with its database. */
    static final List<StandaloneService> SERVICES = List.of(
            new StandaloneService(UserCommandApplication.SERVICE, "user_db"),
            new StandaloneService(BookingCommandApplication.SERVICE, "booking_db"),
            new StandaloneService(PaymentCommandApplication.SERVICE, "payment_db"),
            new StandaloneService(SagaCoordinatorApplication.SERVICE, "saga_db"),
            new StandaloneService(BookingQueryApplication.SERVICE, "query_db"));

    static final String EVENT_STORE_DATABASE = "eventstore";

    private static final String CORS_ALLOWED_ORIGINS = "platform.cors.allowed-origins";

    /**
     * What the standalone mode chooses where a deployment must: the built-in simulated payment provider, as a laptop
     * or CI has no real one; each service as its only instance, which keeps in memory what no other instance can
     * change meanwhile; and no log-event counters. The five services share one logging system, so each
     * service's counter would count every service's lines, and each one's turbo filter was asked at every log-level
     * check in the JVM (5 % of its CPU under load, docs/benchmarks.md). The lowest-ranked settings, so that the
     * environment or a launcher option still decides.
     */
    private static final String[] STANDALONE_CHOICES = {
        "payment.gateway=simulated",
        "platform.sole-instance=true",
        "spring.autoconfigure.exclude=" + LogbackMetricsAutoConfiguration.class.getName()
    };

    record StandaloneService(ServiceDefinition definition, String database) {}

    /** A service that is up, and the port its HTTP server listens on. */
    public record RunningService(String name, String database, int port, ConfigurableApplicationContext context) {}

    private final PostgresServer postgres;
    private final EventStoreDatabase eventStoreDatabase;
    private final AnnotationConfigApplicationContext sharedInfrastructure;
    private final List<RunningService> services = new ArrayList<>();

    private StandalonePlatform(
            PostgresServer postgres,
            EventStoreDatabase eventStoreDatabase,
            AnnotationConfigApplicationContext sharedInfrastructure) {
        this.postgres = postgres;
        this.eventStoreDatabase = eventStoreDatabase;
        this.sharedInfrastructure = sharedInfrastructure;
    }

    /** Starts (or connects to) PostgreSQL and creates the databases of the event store and every service. */
    static PostgresServer startDatabases(LaunchOptions.DatabaseChoice choice) throws Exception {
        PostgresServer postgres = startPostgres(choice);
        try {
            postgres.createMissingDatabases(Stream.concat(
                            Stream.of(EVENT_STORE_DATABASE), SERVICES.stream().map(StandaloneService::database))
                    .toList());
            return postgres;
        } catch (Exception | Error failed) {
            postgres.close();
            throw failed;
        }
    }

    public static StandalonePlatform start(LaunchOptions options) throws Exception {
        PostgresServer postgres = startDatabases(options.database());
        StandalonePlatform platform = null;
        try {
            EventStoreDatabase eventStoreDatabase =
                    new EventStoreDatabase(postgres.pool(EVENT_STORE_DATABASE, 16, false));
            EventStoreFactory.migrate(eventStoreDatabase.dataSource());

            AnnotationConfigApplicationContext shared = new AnnotationConfigApplicationContext();
            shared.getBeanFactory().registerSingleton("eventStoreDatabase", eventStoreDatabase);
            shared.register(SharedAxonInfrastructure.class);
            shared.refresh();

            platform = new StandalonePlatform(postgres, eventStoreDatabase, shared);
            for (StandaloneService service : SERVICES) {
                platform.services.add(platform.startService(service, options));
            }
            return platform;
        } catch (Exception | Error startFailed) {
            if (platform != null) {
                platform.close();
            } else {
                postgres.close();
            }
            throw startFailed;
        }
    }

    private static PostgresServer startPostgres(LaunchOptions.DatabaseChoice choice) throws Exception {
        if (choice instanceof LaunchOptions.External external) {
            return PostgresServer.external(external.jdbcUrl(), external.username(), external.password());
        }
        if (choice instanceof LaunchOptions.KeptEmbedded kept) {
            return PostgresServer.embedded(kept.dataDirectory(), false, kept.port());
        }
        return PostgresServer.embedded(Path.of(""), true, 0);
    }

    private RunningService startService(StandaloneService service, LaunchOptions options) {
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(service.database()),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password()));
        if (options.randomPorts()) {
            args.add("--server.port=0");
            // The dashboard's origin has booking-query's port, known only once it has started, after the user
            // service where the page signs in: so pages on this machine may call on any port, unless told which.
            if (!options.serviceProperties().containsKey(CORS_ALLOWED_ORIGINS)) {
                args.add("--" + CORS_ALLOWED_ORIGINS + "=http://localhost:[*],http://127.0.0.1:[*]");
            }
        }
        options.serviceProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        // The user service starts first; everyone else checks tokens against its public key, wherever it listens.
        services.stream()
                .filter(running -> running.name().equals(UserCommandApplication.SERVICE.name()))
                .findFirst()
                .ifPresent(userService -> args.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="
                        + "http://localhost:" + userService.port() + "/.well-known/jwks.json"));
        ConfigurableApplicationContext context = service.definition()
                .applicationBuilder()
                .properties(STANDALONE_CHOICES)
                .parent(sharedInfrastructure)
                .sources(StandaloneServiceWiring.class)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        log.info(
                "{} started on port {} in {} ms",
                service.definition().name(),
                port,
                (System.nanoTime() - started) / 1_000_000);
        return new RunningService(service.definition().name(), service.database(), port, context);
    }

    public List<RunningService> services() {
        return List.copyOf(services);
    }

    public int postgresPort() {
        return postgres.port();
    }

    /** Stops the services in reverse start order, then the shared infrastructure, then the database. */
    @Override
    public void close() throws Exception {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).context().close();
        }
        services.clear();
        sharedInfrastructure.close();
        eventStoreDatabase.close();
        postgres.close();
    }
}
