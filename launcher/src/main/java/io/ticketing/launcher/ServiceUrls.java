package io.ticketing.launcher;

import io.ticketing.launcher.StandalonePlatform.RunningService;
import io.ticketing.query.BookingQueryApplication;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;

/**
 * Where a person finds a running service: its API, the API's description, and the actuator endpoints it exposes,
 * read from the service's own context so that they are the paths it really serves.
 *
 * @param swaggerUi the description as a page, unless springdoc is switched off for the service
 * @param apiDocs   the OpenAPI description, likewise
 * @param actuator  the actuator endpoints the service exposes over HTTP: health to anyone, prometheus to admins
 */
record ServiceUrls(
        String name,
        String baseUrl,
        Optional<String> swaggerUi,
        Optional<String> apiDocs,
        List<String> actuator,
        String database) {

    /** The dashboard page, on the service that serves it. */
    static final String DASHBOARD_PAGE = "/dashboard";

    static ServiceUrls of(RunningService service) {
        String baseUrl = "http://localhost:" + service.port();
        ApplicationContext context = service.context();
        return new ServiceUrls(
                service.name(),
                baseUrl,
                bean(context, SwaggerUiConfigProperties.class).map(ui -> baseUrl + ui.getPath()),
                bean(context, SpringDocConfigProperties.class)
                        .map(springDoc -> baseUrl + springDoc.getApiDocs().getPath()),
                bean(context, PathMappedEndpoints.class).stream()
                        .flatMap(endpoints -> endpoints.getAllPaths().stream())
                        .sorted()
                        .map(path -> baseUrl + path)
                        .toList(),
                service.database());
    }

    private static <T> Optional<T> bean(ApplicationContext context, Class<T> type) {
        return Optional.ofNullable(context.getBeanProvider(type).getIfAvailable());
    }

    Optional<String> dashboard() {
        return name.equals(BookingQueryApplication.SERVICE.name())
                ? Optional.of(baseUrl + DASHBOARD_PAGE)
                : Optional.empty();
    }
}
