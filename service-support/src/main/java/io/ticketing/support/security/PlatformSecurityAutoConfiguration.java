package io.ticketing.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.web.ProblemTraceId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every service is an OAuth2 resource server for the JWTs the user service signs: stateless, roles from the
 * {@code roles} claim, errors in problem+json. A token stops working as soon as its user is deactivated or erased
 * ({@link RevokedUsers}). A service names the requests it answers without a token in a {@link PublicEndpoints} bean;
 * of the actuator, health is open to anyone, Prometheus metrics to admins, and the rest is closed to everyone.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CorsSettings.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain platformSecurity(
            HttpSecurity http,
            ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectMapper objectMapper,
            ProblemTraceId problemTraceId,
            JwtDecoder jwtDecoder,
            RevokedUsers revokedUsers,
            CorsSettings cors,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri)
            throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses(objectMapper, problemTraceId);
        List<PublicEndpoints.Endpoint> open = publicEndpoints
                .orderedStream()
                .flatMap(endpoints -> endpoints.endpoints().stream())
                .toList();
        return http
                // Tokens travel in a header, never in a cookie: nothing for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .cors(configured -> configured.configurationSource(browserCallsFrom(cors.allowedOrigins())))
                .headers(headers -> headers.withObjectPostProcessor(headersWrittenFirst())
                        .contentSecurityPolicy(
                                policy -> policy.policyDirectives(contentSecurityPolicy(originOf(jwkSetUri))))
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                            .permitAll();
                    // Metrics tell load, failures and lag, which outsiders have no business watching; an admin's
                    // token lets Prometheus scrape every service on its own port, in both modes.
                    requests.requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name());
                    // Refused even when an endpoint is exposed by mistake: environment, beans, heap dumps and the
                    // like are for no caller of the API, an admin's token included.
                    requests.requestMatchers("/actuator", "/actuator/**").denyAll();
                    open.forEach(endpoint -> requests.requestMatchers(endpoint.method(), endpoint.pathPattern())
                            .permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(new ValidatingJwtDecoder(
                                        jwtDecoder,
                                        new DelegatingOAuth2TokenValidator<>(
                                                new JwtIssuerValidator(PlatformTokens.ISSUER),
                                                new JwtTimestampValidator(),
                                                new RevokedUserValidator(revokedUsers))))
                                .jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * The security headers are written as a request comes in, before its handler runs. Written as the answer commits
     * (Spring Security's default), a streamed answer (the audit export, the dashboards' live stream) commits on the
     * thread that writes it while the request's own thread finishes the filter chain, and both write the headers into
     * a response that is not thread-safe: spring-security#9175, which breaks Tomcat's header fields and failed
     * booking-query's audit tests now and then.
     */
    private static ObjectPostProcessor<HeaderWriterFilter> headersWrittenFirst() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }

    /**
     * The request is observed once, as {@code http.server.requests} (its timer and, when exported, its span); Spring
     * Security would also observe each of its filters, the authentication and the authorization, for meters and spans
     * nobody reads, at about 6 % of the platform's CPU under load (docs/benchmarks.md).
     */
    @Bean
    SecurityObservationSettings requestObservedOnce() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Browsers may call the API from the configured pages only (the dashboard, by default); a request from any of
     * them still counts only with a bearer token the page got by logging in, never with credentials the browser adds
     * by itself. Spring answers a preflight from any other page with 403.
     */
    private static CorsConfigurationSource browserCallsFrom(List<String> allowedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Location"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * For the pages the services serve: their scripts and styles are files of the same service, with no inline code.
     * The dashboard connects to its service and to the user service, where it signs in; the API docs' stylesheet
     * draws its icons from {@code data:} URLs.
     */
    private static String contentSecurityPolicy(String signInOrigin) {
        return "default-src 'self'; connect-src 'self' " + signInOrigin + "; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The user service's origin, from the address where it publishes its signing key. */
    private static String originOf(String jwkSetUri) {
        return UriComponentsBuilder.fromUriString(jwkSetUri)
                .replacePath(null)
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(PlatformTokens.ROLES_CLAIM);
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
                    public Object resolveArgument(
                            MethodParameter parameter,
                            ModelAndViewContainer container,
                            NativeWebRequest request,
                            WebDataBinderFactory binders) {
                        Authentication authentication =
                                SecurityContextHolder.getContext().getAuthentication();
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
