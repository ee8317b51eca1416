package io.ticketing.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server for the JWTs the user service signs: stateless, roles from the
 * {@code roles} claim, errors in problem+json. A service names the requests it answers without a token in a
 * {@link PublicEndpoints} bean.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
                                         ObjectMapper objectMapper) throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses(objectMapper);
        List<PublicEndpoints.Endpoint> open = publicEndpoints.orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream()).toList();
        return http
                // Tokens travel in a header, never in a cookie: nothing for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(anyOriginWithABearerToken()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll();
                    open.forEach(endpoint -> requests.requestMatchers(endpoint.method(), endpoint.pathPattern())
                            .permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * Browsers may call the API from any page, the dashboard's included: a request only counts with a bearer token
     * the page got by logging in, never with credentials the browser adds by itself.
     */
    private static CorsConfigurationSource anyOriginWithABearerToken() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(AuthenticatedUser.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /** Lets controllers take an {@link AuthenticatedUser} parameter. */
    @Bean
    WebMvcConfigurer authenticatedUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == AuthenticatedUser.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
                            throw new org.springframework.security.authentication
                                    .AuthenticationCredentialsNotFoundException("No bearer token");
                        }
                        return AuthenticatedUser.from(token);
                    }
                });
            }
        };
    }
}
