package io.ticketing.support.apidocs;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.ticketing.support.security.PublicEndpoints.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every operation of every service has in common, added to the description springdoc derives from the
 * controllers: the bearer token it needs unless the service names it public, and the errors the platform answers
 * with wherever they apply, each an {@code application/problem+json} {@link ProblemDetail}. An error response that a
 * controller documents itself (such as a 503) keeps its description and headers, and is a problem too.
 */
final class SecurityAndProblemResponses implements OpenApiCustomizer {

    static final String BEARER_TOKEN = "bearer-jwt";

    private static final String PROBLEM_SCHEMA = ProblemDetail.class.getSimpleName();
    private static final Set<PathItem.HttpMethod> READS =
            Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS);

    private final List<OpenOperation> publicOperations;
    private final boolean openApi31;

    SecurityAndProblemResponses(List<Endpoint> publicEndpoints, boolean openApi31) {
        this.publicOperations = publicEndpoints.stream()
                .map(endpoint ->
                        new OpenOperation(endpoint, PathPatternParser.defaultInstance.parse(endpoint.pathPattern())))
                .toList();
        this.openApi31 = openApi31;
    }

    private record OpenOperation(Endpoint endpoint, PathPattern path) {

        boolean matches(PathItem.HttpMethod method, String templatedPath) {
            return (endpoint.method() == null || endpoint.method().name().equals(method.name()))
                    && path.matches(PathContainer.parsePath(templatedPath));
        }
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents()
                .addSecuritySchemes(
                        BEARER_TOKEN,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from the user service: POST /api/auth/token"));
        problemSchemas().forEach(api.getComponents()::addSchemas);
        if (api.getPaths() != null) {
            api.getPaths()
                    .forEach((path, operations) -> operations
                            .readOperationsMap()
                            .forEach((method, operation) -> describe(path, method, operation)));
        }
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addIfAbsent(
                    responses,
                    HttpStatus.BAD_REQUEST,
                    "Invalid input, and nothing changed; the detail names each rejected field or parameter");
        }
        if (publicOperations.stream().noneMatch(open -> open.matches(method, path))) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER_TOKEN));
            addIfAbsent(responses, HttpStatus.UNAUTHORIZED, "No token, or one that is invalid, expired or revoked");
            addIfAbsent(responses, HttpStatus.FORBIDDEN, "The token's user may not do this, or not to this record");
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            addIfAbsent(responses, HttpStatus.NOT_FOUND, "Nothing has that id");
        }
        if (!READS.contains(method)) {
            addIfAbsent(
                    responses,
                    HttpStatus.CONFLICT,
                    "The record cannot make that change now, or the id or value is taken; nothing changed");
        }
        // Whatever springdoc guessed from the method's return type: every error the platform answers is a problem.
        responses.forEach((code, response) -> {
            if (isError(code)) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addIfAbsent(ApiResponses responses, HttpStatus status, String description) {
        responses.computeIfAbsent(String.valueOf(status.value()), code -> new ApiResponse().description(description));
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)));
    }

    /**
     * {@link ProblemDetail} as swagger-core reads the class, then as Jackson writes it: Spring's mix-in writes the
     * problem's extra properties as members of the problem itself, not under {@code properties}.
     */
    @SuppressWarnings("rawtypes")
    private Map<String, Schema> problemSchemas() {
        Map<String, Schema> schemas = ModelConverters.getInstance(openApi31).read(ProblemDetail.class);
        Schema problem = schemas.get(PROBLEM_SCHEMA);
        problem.getProperties().remove("properties");
        problem.setAdditionalProperties(true);
        return schemas;
    }
}
