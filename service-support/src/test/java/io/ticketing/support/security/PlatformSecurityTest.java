package io.ticketing.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.InMemoryRevokedUsers;
import io.ticketing.support.test.PlatformWebMvcTest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.JvmMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security every service runs, with real tokens: signed by a key the test publishes as the user service does,
 * checked by Spring Boot's decoder with the platform's validators, with the shared settings of platform-defaults.yml.
 */
@PlatformWebMvcTest
@ContextConfiguration(classes = PlatformSecurityTest.ProbeService.class)
@TestPropertySource(properties = {"spring.config.name=platform-defaults", "spring.application.name=probe-service"})
@ImportAutoConfiguration({
    EndpointAutoConfiguration.class,
    WebEndpointAutoConfiguration.class,
    ManagementContextAutoConfiguration.class,
    ServletManagementContextAutoConfiguration.class,
    MetricsAutoConfiguration.class,
    CompositeMeterRegistryAutoConfiguration.class,
    PrometheusMetricsExportAutoConfiguration.class,
    JvmMetricsAutoConfiguration.class,
    ObservationAutoConfiguration.class
})
@AutoConfigureObservability(tracing = false)
class PlatformSecurityTest {

    private static final String KEY_ID = "user-service-key";
    private static final RSAKey SIGNING_KEY = rsaKey();
    private static final HttpServer KEY_SET = publish(SIGNING_KEY);
    private static final String DASHBOARD = "http://localhost:8084";
    private static final String PROMETHEUS = "/actuator/prometheus";

    private final UserId ada = new UserId(UUID.randomUUID());

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private InMemoryRevokedUsers revokedUsers;

    @DynamicPropertySource
    static void userServiceKeySet(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PlatformSecurityTest::keySetUri);
    }

    @AfterAll
    static void stopPublishingTheKey() {
        KEY_SET.stop(0);
    }

    @Test
    void aTokenTheUserServiceSignedIsAccepted() {
        assertThat(get("/api/probe", signed(claims(ada, Role.USER))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.user")
                .isEqualTo(ada.value().toString());
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        refused(sign(claims(ada, Role.USER), rsaKey()));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(new PlainJWT(claims(ada, Role.ADMIN)).serialize());
    }

    /** The old confusion of algorithms: the public key, which anyone can fetch, used as an HMAC secret. */
    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws JOSEException {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims(ada, Role.ADMIN));
        token.sign(new MACSigner(SIGNING_KEY.toRSAPublicKey().getEncoded()));

        refused(token.serialize());
    }

    @Test
    void aTokenWhoseRoleClaimWasRaisedAfterSigningIsRefused() {
        JWTClaimsSet user = claims(ada, Role.USER);
        String genuine = signed(user);
        String[] parts = genuine.split("\\.");
        JWTClaimsSet admin = new JWTClaimsSet.Builder(user)
                .claim("roles", List.of(Role.ADMIN.name()))
                .build();
        String raised = parts[0] + "." + admin.toPayload().toBase64URL() + "." + parts[2];

        assertThat(get("/api/probe/admin", raised))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/probe/admin", genuine))
                .as("the genuine token, a user's")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get("/api/probe/admin", signed(admin)))
                .as("an admin's genuine token")
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void aTokenSignedWithTheKeyButNamingAnotherIssuerIsRefused() {
        JWTClaimsSet genuine = claims(ada, Role.USER);
        assertThat(get("/api/probe", signed(genuine))).hasStatus(HttpStatus.OK);

        refused(signed(new JWTClaimsSet.Builder(genuine)
                .issuer("https://issuer.example")
                .build()));
        refused(signed(new JWTClaimsSet.Builder(genuine).issuer(null).build()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant anHourAndAHalfAgo = Instant.now().minus(Duration.ofMinutes(90));
        refused(signed(claims(ada, anHourAndAHalfAgo, Role.USER)));
    }

    @Test
    void theUnexpiredTokenOfARevokedUserIsRefused() {
        String token = signed(claims(ada, Role.USER));
        assertThat(get("/api/probe", token)).hasStatus(HttpStatus.OK);

        revokedUsers.revoke(ada);

        refused(token);
    }

    /** Scraped with an admin's token; every meter says which service it is from, as five share a JVM. */
    @Test
    void prometheusMetricsAreForAdminsOnly() {
        assertThat(mvc.get().uri(PROMETHEUS))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(PROMETHEUS, signed(claims(ada, Role.USER))))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(PROMETHEUS, signed(claims(ada, Role.ADMIN))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("jvm_memory_used_bytes{", "service=\"probe-service\"");
    }

    /** A request is measured once, as a request; Spring Security's own observations would be meters nobody reads. */
    @Test
    void securityAddsNoObservationsOfItsOwnToARequest() {
        String admin = signed(claims(ada, Role.ADMIN));
        assertThat(get("/api/probe", admin)).hasStatus(HttpStatus.OK);
        assertThat(get("/api/probe/admin", admin)).hasStatus(HttpStatus.OK);

        assertThat(get(PROMETHEUS, admin)).hasStatus(HttpStatus.OK).bodyText().doesNotContain("spring_security_");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/info",
                "/actuator/heapdump",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/metrics"
            })
    void actuatorEndpointsOtherThanHealthAreRefusedToAnonymousCallersAndToAdmins(String endpoint) {
        assertThat(mvc.get().uri(endpoint)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get(endpoint, signed(claims(ada, Role.ADMIN))))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPreflightFromAForeignPageIsRefused() {
        assertThat(preflightFrom("https://tickets.attacker.example"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aPreflightFromTheDashboardIsAllowed() {
        assertThat(preflightFrom(DASHBOARD))
                .hasStatus(HttpStatus.OK)
                .hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DASHBOARD);
    }

    @Test
    void aRequestFromAForeignPageIsRefusedEvenWithAToken() {
        assertThat(mvc.get()
                        .uri("/api/probe")
                        .header(HttpHeaders.ORIGIN, "https://tickets.attacker.example")
                        .header(HttpHeaders.AUTHORIZATION, bearer(signed(claims(ada, Role.USER)))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    /**
     * A streamed answer commits on the thread that writes it: headers written then would race the request's own
     * thread, which writes them as the filter chain ends (spring-security#9175).
     */
    @Test
    void theSecurityHeadersAreWrittenBeforeTheHandlerRuns() {
        assertThat(get("/api/probe/headers", signed(claims(ada, Role.USER))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.contentSecurityPolicy")
                .asString()
                .contains("default-src 'self'");
    }

    @Test
    void answersForbidFramingSniffingAndReferrersAndLimitWhatAPageMayLoad() {
        MvcTestResult answer = get("/api/probe", signed(claims(ada, Role.USER)));

        assertThat(answer)
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("Referrer-Policy", "no-referrer");
        assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .contains("connect-src 'self' http://localhost:"
                        + KEY_SET.getAddress().getPort() + ";")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }

    private MvcTestResult preflightFrom(String origin) {
        return mvc.options()
                .uri("/api/probe")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange();
    }

    private MvcTestResult get(String path, String token) {
        return mvc.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange();
    }

    private void refused(String token) {
        assertThat(get("/api/probe", token))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    private static JWTClaimsSet claims(UserId user, Role role) {
        return claims(user, Instant.now(), role);
    }

    /** As the user service issues them: for an hour from {@code issuedAt}. */
    private static JWTClaimsSet claims(UserId user, Instant issuedAt, Role role) {
        return new JWTClaimsSet.Builder()
                .issuer(PlatformTokens.ISSUER)
                .subject(user.toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofHours(1))))
                .claim("roles", List.of(role.name()))
                .build();
    }

    private static String signed(JWTClaimsSet claims) {
        return sign(claims, SIGNING_KEY);
    }

    /** Signs with {@code key} under the user service's key id, so that only the signature can tell them apart. */
    private static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the key's public half at /.well-known/jwks.json, as the user service does. */
    private static HttpServer publish(RSAKey key) {
        byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
                exchange.sendResponseHeaders(200, keySet.length);
                exchange.getResponseBody().write(keySet);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keySetUri() {
        return "http://localhost:" + KEY_SET.getAddress().getPort() + "/.well-known/jwks.json";
    }

    @SpringBootConfiguration
    @Import(Probe.class)
    static class ProbeService {}

    @RestController
    static class Probe {

        @GetMapping("/api/probe")
        Map<String, String> caller(AuthenticatedUser user) {
            return Map.of("user", user.id().value().toString());
        }

        @GetMapping("/api/probe/headers")
        Map<String, String> headersAsTheHandlerFindsThem(HttpServletResponse response) {
            return Map.of("contentSecurityPolicy", String.valueOf(response.getHeader("Content-Security-Policy")));
        }

        @GetMapping("/api/probe/admin")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, String> admin(AuthenticatedUser user) {
            return Map.of("admin", user.id().value().toString());
        }
    }
}
