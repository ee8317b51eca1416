package io.ticketing.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Marks the application class of a service. On top of {@link SpringBootApplication} it leaves out what must not
 * run in this platform:
 * <ul>
 *     <li>Axon's update checker, which calls out to the internet at start-up;</li>
 *     <li>Axon's JPA token, saga and dead-letter stores and its JPA event store: under Hibernate 6 on PostgreSQL
 *     their {@code @Lob} columns become OID large objects and token claims get slow (AxonFramework #445, #3015).
 *     Axon's JDBC auto-configuration takes their place, on {@code bytea} tables that Flyway creates.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootApplication(
        exclude = {
            UpdateCheckerAutoConfiguration.class,
            JpaAutoConfiguration.class,
            JpaEventStoreAutoConfiguration.class
        })
public @interface PlatformService {}
