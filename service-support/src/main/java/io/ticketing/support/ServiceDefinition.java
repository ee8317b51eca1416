package io.ticketing.support;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A service as both ways of running start it: on its own ({@code main}) and as a child context of the standalone
 * launcher. Its configuration file is named after it ({@code user-command.yml}, not {@code application.yml}), so
 * that services sharing one class path never read each other's settings; it is read after
 * {@code platform-defaults.yml}, so that a service overrides any shared default.
 */
public record ServiceDefinition(String name, Class<?> applicationClass) {

    static final String SHARED_DEFAULTS = "platform-defaults";

    public SpringApplicationBuilder applicationBuilder() {
        return new SpringApplicationBuilder(applicationClass)
                .properties("spring.config.name=" + SHARED_DEFAULTS + "," + name);
    }
}
