package io.ticketing.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins the pages a browser may call this service from, such as {@code https://tickets.example.com};
 *                       Spring's origin patterns are allowed ({@code http://localhost:[*]}). None when unset.
 */
@ConfigurationProperties("platform.cors")
record CorsSettings(List<String> allowedOrigins) {

    CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
