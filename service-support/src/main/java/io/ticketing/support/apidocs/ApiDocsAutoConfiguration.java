package io.ticketing.support.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.ticketing.support.security.AuthenticatedUser;
import io.ticketing.support.security.PublicEndpoints;
import io.ticketing.support.security.PublicEndpoints.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.utils.Constants;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * Every service describes its HTTP API (springdoc: {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}), open to anyone like the API's own public endpoints: a description holds no data. The
 * description says which operations need a bearer token and describes every error as a problem
 * ({@link SecurityAndProblemResponses}). {@code springdoc.api-docs.enabled=false} switches it off.
 */
@AutoConfiguration(after = SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(SpringDocConfiguration.class)
public class ApiDocsAutoConfiguration {

    static {
        // Resolved from the token, never sent by the client: not a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    @Bean
    PublicEndpoints apiDocsEndpoints(
            SpringDocConfigProperties springDoc, ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        String apiDocs = springDoc.getApiDocs().getPath();
        List<Endpoint> open = new ArrayList<>(List.of(
                new Endpoint(HttpMethod.GET, apiDocs + "/**"), new Endpoint(HttpMethod.GET, apiDocs + ".yaml")));
        swaggerUi.ifAvailable(ui -> {
            String page = ui.getPath();
            // The page redirects to its files, which springdoc serves beside it, under /swagger-ui/.
            String files = page.substring(0, page.lastIndexOf('/')) + Constants.SWAGGER_UI_PREFIX + "/**";
            open.add(new Endpoint(HttpMethod.GET, page));
            open.add(new Endpoint(HttpMethod.GET, files));
        });
        return new PublicEndpoints(open);
    }

    /**
     * Titled with the service's name, versioned with the platform's build (from the jar's manifest; classes run from
     * a build directory have none). A service may give a fuller description of its own.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(@Value("${spring.application.name:application}") String serviceName) {
        String version = Optional.ofNullable(
                        ApiDocsAutoConfiguration.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new OpenAPI().info(new Info().title(serviceName).version(version));
    }

    @Bean
    OpenApiCustomizer securityAndProblemResponses(
            List<PublicEndpoints> publicEndpoints, SpringDocConfigProperties springDoc) {
        return new SecurityAndProblemResponses(
                publicEndpoints.stream()
                        .flatMap(endpoints -> endpoints.endpoints().stream())
                        .toList(),
                springDoc.isOpenapi31());
    }
}
