package io.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.client.PlatformClient;
import io.ticketing.client.PlatformClient.Response;
import io.ticketing.launcher.StandalonePlatform.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every service describes its own HTTP API, all of it, to anyone who asks: springdoc's OpenAPI description and
 * Swagger UI on each service's own port, with the bearer token and the problem+json errors.
 */
@ExtendWith(SharedPlatform.class)
class ApiDocsIT {

    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void everyServiceDescribesEveryOneOfItsControllerEndpointsAndNoOtherWithoutAToken(
            StandalonePlatform platform, PlatformClient client) {
        for (RunningService service : platform.services()) {
            Response description = apiDocs(service, client);

            assertThat(description.status()).as(service.name()).isEqualTo(200);
            assertThat(description.body().at("/info/title").asText()).isEqualTo(service.name());
            assertThat(documentedOperations(description.body()))
                    .as(service.name())
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(controllerOperations(service.context()));
        }
    }

    @Test
    void anOperationThatNeedsATokenSaysSoAndItsErrorsAreProblemDetails(
            StandalonePlatform platform, PlatformClient client) {
        JsonNode bookings =
                apiDocs(service(platform, "booking-command"), client).body();
        JsonNode placeBooking = bookings.at("/paths/~1api~1bookings/post");

        assertThat(bookings.at("/components/securitySchemes/bearer-jwt/scheme").asText())
                .isEqualTo("bearer");
        assertThat(placeBooking.at("/security/0").has("bearer-jwt")).isTrue();
        assertThat(placeBooking
                        .at("/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isNotBlank();
        assertThat(placeBooking
                        .at("/responses/202/content/application~1json/schema/$ref")
                        .asText())
                .isNotBlank();
        assertThat(fieldNames(placeBooking.path("responses"))).contains("202", "400", "401", "403", "409", "503");
        fieldNames(placeBooking.path("responses")).stream()
                .filter(code -> code.matches("[45]\\d\\d"))
                .forEach(code -> assertThat(placeBooking
                                .at("/responses/" + code + "/content/application~1problem+json/schema/$ref")
                                .asText())
                        .as(code)
                        .isEqualTo("#/components/schemas/ProblemDetail"));
        assertThat(placeBooking.at("/responses/503/headers").has("Retry-After")).isTrue();
        assertThat(fieldNames(bookings.at("/components/schemas/ProblemDetail/properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
    }

    @Test
    void anOperationThatNeedsNoTokenAsksForNone(StandalonePlatform platform, PlatformClient client) {
        JsonNode login =
                apiDocs(service(platform, "user-command"), client).body().at("/paths/~1api~1auth~1token/post");

        assertThat(login.isMissingNode()).isFalse();
        assertThat(login.has("security")).isFalse();
        assertThat(fieldNames(login.path("responses"))).contains("400").doesNotContain("403");
    }

    @Test
    void theUrlsTheLauncherPrintsAnswer(StandalonePlatform platform, PlatformClient client) {
        String adminToken = client.adminToken();
        String table = BookingPlatformLauncher.urlTable(platform, Duration.ZERO);
        for (RunningService service : platform.services()) {
            ServiceUrls urls = ServiceUrls.of(service);
            assertThat(table)
                    .contains(
                            service.name() + "  ",
                            urls.baseUrl(),
                            urls.swaggerUi().orElseThrow());

            HttpResponse<String> swaggerUi = fetch(urls.swaggerUi().orElseThrow(), null);
            assertThat(swaggerUi.statusCode())
                    .as(urls.swaggerUi().orElseThrow())
                    .isEqualTo(200);
            assertThat(swaggerUi.body()).contains("swagger-ui");
            assertThat(urls.actuator())
                    .isNotEmpty()
                    .allSatisfy(
                            endpoint -> assertThat(fetch(endpoint, adminToken).statusCode())
                                    .as(endpoint)
                                    .isEqualTo(200));
            for (String dashboard : urls.dashboard().stream().toList()) {
                assertThat(table).contains(dashboard);
                assertThat(fetch(dashboard, null).headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            }
        }
        assertThat(platform.services().stream().flatMap(service -> ServiceUrls.of(service).dashboard().stream()))
                .hasSize(1);
    }

    private static Response apiDocs(RunningService service, PlatformClient client) {
        String apiDocs = ServiceUrls.of(service).apiDocs().orElseThrow();
        return client.get(service.name(), URI.create(apiDocs).getPath(), null);
    }

    private static RunningService service(StandalonePlatform platform, String name) {
        return platform.services().stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** "METHOD /path" for every handler method of the service's controllers, as Spring MVC maps them. */
    private static Set<String> controllerOperations(ApplicationContext service) {
        RequestMappingHandlerMapping mappings =
                service.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> isOperationOfTheApi(mapping.getValue()))
                .flatMap(mapping -> operations(mapping.getKey()))
                .collect(Collectors.toSet());
    }

    /** Not the container's error path, nor the endpoints that serve the description itself. */
    private static boolean isOperationOfTheApi(HandlerMethod handler) {
        return !ErrorController.class.isAssignableFrom(handler.getBeanType())
                && !handler.getBeanType().getPackageName().startsWith("org.springdoc");
    }

    private static Stream<String> operations(RequestMappingInfo mapping) {
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        assertThat(methods).as("the HTTP methods of " + mapping).isNotEmpty();
        return mapping.getPatternValues().stream()
                .flatMap(path -> methods.stream().map(method -> method + " " + path));
    }

    /** "METHOD /path" for every operation of an OpenAPI description. */
    private static Set<String> documentedOperations(JsonNode description) {
        Set<String> methods = EnumSet.allOf(RequestMethod.class).stream()
                .map(method -> method.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return fieldNames(description.path("paths")).stream()
                .flatMap(path -> fieldNames(description.path("paths").path(path)).stream()
                        .filter(methods::contains)
                        .map(method -> method.toUpperCase(Locale.ROOT) + " " + path))
                .collect(Collectors.toSet());
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .toList();
    }

    private static HttpResponse<String> fetch(String url, String token) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
