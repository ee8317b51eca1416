package io.ticketing.support.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A real PostgreSQL of its own for a test's Spring context, started with the context and stopped when it closes:
 * {@code @ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)}.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres postgres;
        try {
            // Commits wait for the disk, as on the platform's kept data, so a test can tell which transactions don't.
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        TestPropertyValues.of(
                        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres")
                .applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("PostgreSQL did not stop", e);
                }
            }
        });
    }
}
