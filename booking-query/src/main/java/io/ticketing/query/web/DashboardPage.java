package io.ticketing.query.web;

import io.ticketing.support.security.PublicEndpoints;
import io.ticketing.support.security.PublicEndpoints.Endpoint;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The dashboard page: plain HTML and JavaScript, no build step. It lives apart from Spring Boot's shared
 * {@code static/} location, which every service on the standalone launcher's class path would serve.
 */
@RestController
class DashboardPage {

    static final String PAGE = "/dashboard/index.html";

    private final String tokenUrl;

    /** The page logs in at the user service, found where it publishes its signing key. */
    DashboardPage(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
        this.tokenUrl = jwkSetUri.replace("/.well-known/jwks.json", "/api/auth/token");
    }

    @GetMapping({"/", "/dashboard", "/dashboard/"})
    RedirectView page() {
        return new RedirectView(PAGE);
    }

    @GetMapping("/api/dashboard/config")
    Map<String, String> config() {
        return Map.of("tokenUrl", tokenUrl);
    }

    @Configuration(proxyBeanMethods = false)
    static class Resources implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/dashboard/**").addResourceLocations("classpath:/dashboard-ui/");
        }

        @Bean
        PublicEndpoints dashboardPageEndpoints() {
            return PublicEndpoints.of(
                    new Endpoint(HttpMethod.GET, "/"),
                    new Endpoint(HttpMethod.GET, "/dashboard"),
                    new Endpoint(HttpMethod.GET, "/dashboard/**"),
                    new Endpoint(HttpMethod.GET, "/api/dashboard/config"));
        }
    }
}
