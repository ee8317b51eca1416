package io.ticketing.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.jayway.jsonpath.JsonPath;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.user.persistence.CredentialStore;
import io.ticketing.user.persistence.UserAccount;
import io.ticketing.user.persistence.UserAccountRepository;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PlatformWebMvcTest(AuthController.class)
@Import({
    TokenConfiguration.class,
    TokenIssuer.class,
    PasswordHashing.class,
    OpenEndpoints.class,
    InMemoryLoginThrottle.class
})
class AuthControllerTest {

    private final UUID adaId = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private JwtDecoder jwtDecoder;

    @Autowired
    private InMemoryLoginThrottle.Failures loginFailures;

    @MockitoBean
    private UserAccountRepository accounts;

    @MockitoBean
    private CredentialStore credentials;

    @BeforeEach
    void ada() {
        loginFailures.clear();
        UserAccount ada = Mockito.mock(UserAccount.class);
        when(ada.userId()).thenReturn(adaId);
        when(ada.email()).thenReturn("ada@example.com");
        when(ada.role()).thenReturn(Role.ADMIN);
        when(credentials.passwordHashOf(new UserId(adaId)))
                .thenReturn(Optional.of(passwordEncoder.encode("correct horse")));
        when(ada.isActive()).thenReturn(true);
        when(accounts.findByEmail("ada@example.com")).thenReturn(Optional.of(ada));
    }

    @Test
    void issuesASignedTokenNamingTheUserAndTheirRoles() throws Exception {
        var response = mvc.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email": "Ada@example.com", "password": "correct horse"}""")
                .exchange();

        assertThat(response).hasStatus(HttpStatus.OK);
        assertThat(response).bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
        assertThat(response).bodyJson().extractingPath("$.expiresIn").isEqualTo(3600);
        String token = JsonPath.read(response.getResponse().getContentAsString(), "$.accessToken");
        Jwt decoded = jwtDecoder.decode(token);
        assertThat(decoded.getSubject()).isEqualTo(adaId.toString());
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly("ADMIN");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        assertThat(mvc.post()
                        .uri("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"email": "ada@example.com", "password": "wrong"}"""))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Wrong email or password.");
        assertThat(mvc.post()
                        .uri("/api/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"email": "nobody@example.com", "password": "correct horse"}"""))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Wrong email or password.");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        for (int failure = 0; failure < 5; failure++) {
            assertThat(login("ada@example.com", "wrong horse", "127.0.0.1")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(login("ada@example.com", "correct horse", "127.0.0.1"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .satisfies(refused -> assertThat(
                                Integer.parseInt(refused.getResponse().getHeader("Retry-After")))
                        .isBetween(1, 60))
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .matches("Too many failed logins\\. Try again in \\d+ seconds\\.");
    }

    @Test
    void anUnknownEmailIsThrottledLikeAWrongPassword() {
        for (int failure = 0; failure < 5; failure++) {
            assertThat(login("nobody@example.com", "correct horse", "127.0.0.1"))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(login("nobody@example.com", "correct horse", "127.0.0.1")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void anotherClientsFailuresDoNotLockTheOwnerOut() {
        for (int failure = 0; failure < 5; failure++) {
            assertThat(login("ada@example.com", "wrong horse", "203.0.113.9")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(login("ada@example.com", "correct horse", "127.0.0.1")).hasStatus(HttpStatus.OK);
    }

    @Test
    void publishesOnlyThePublicKey() {
        assertThat(mvc.get().uri("/.well-known/jwks.json"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(keys ->
                        assertThat(keys.getJson()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\""));
    }

    private MvcTestResult login(String email, String password, String clientAddress) {
        return mvc.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                })
                .content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")
                .exchange();
    }
}
