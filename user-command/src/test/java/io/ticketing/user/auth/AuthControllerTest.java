package io.ticketing.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

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

@PlatformWebMvcTest(AuthController.class)
@Import({TokenConfiguration.class, TokenIssuer.class, PasswordHashing.class, OpenEndpoints.class})
class AuthControllerTest {

    private final UUID adaId = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private JwtDecoder jwtDecoder;

    @MockitoBean
    private UserAccountRepository accounts;

    @MockitoBean
    private CredentialStore credentials;

    @BeforeEach
    void ada() {
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
        var response = mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email": "Ada@example.com", "password": "correct horse"}""").exchange();

        assertThat(response).hasStatus(HttpStatus.OK);
        assertThat(response).bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
        assertThat(response).bodyJson().extractingPath("$.expiresIn").isEqualTo(3600);
        String token = com.jayway.jsonpath.JsonPath.read(response.getResponse().getContentAsString(), "$.accessToken");
        Jwt decoded = jwtDecoder.decode(token);
        assertThat(decoded.getSubject()).isEqualTo(adaId.toString());
        assertThat(decoded.getClaimAsStringList("roles")).containsExactly("ADMIN");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        assertThat(mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).content("""
                {"email": "ada@example.com", "password": "wrong"}"""))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").isEqualTo("Wrong email or password.");
        assertThat(mvc.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).content("""
                {"email": "nobody@example.com", "password": "correct horse"}"""))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").isEqualTo("Wrong email or password.");
    }

    @Test
    void publishesOnlyThePublicKey() {
        assertThat(mvc.get().uri("/.well-known/jwks.json"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(keys -> assertThat(keys.getJson()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\""));
    }
}
