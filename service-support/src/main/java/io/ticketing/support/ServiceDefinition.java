package io.ticketing.support;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A service as both ways of running start it: on its own ({@code main}) and as a child context of the standalone
 * launcher. Its configuration file is named after it ({@code user-command.yml}, not {@code application.yml}), so
 * that services sharing one class path never read each other's settings.
 */
public record ServiceDefinition(String name, Class<?> applicationClass) {

    public SpringApplicationBuilder applicationBuilder() {
        return new SpringApplicationBuilder(applicationClass).properties("spring.config.name=" + name);
    }
}
