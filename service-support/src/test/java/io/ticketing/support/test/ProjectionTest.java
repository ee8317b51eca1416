package io.ticketing.support.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A JPA slice on a real PostgreSQL of its own, its schema made by the service's Flyway migrations (name them with
 * {@code spring.flyway.locations}) and validated against the entities. Tests run outside a transaction: an
 * {@link EventFeed} commits each batch as the projection's processor would, so that what is written just before a
 * commit is written.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface ProjectionTest {}
