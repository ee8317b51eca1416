package io.ticketing.user.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.EraseUser;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import io.ticketing.user.auth.OpenEndpoints;
import io.ticketing.user.auth.PasswordHashing;
import io.ticketing.user.auth.UserRegistration;
import io.ticketing.user.command.EmailAlreadyInUseException;
import io.ticketing.user.persistence.CredentialStore;
import io.ticketing.user.privacy.PersonalDataKeys;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@PlatformWebMvcTest(UserController.class)
@Import({PasswordHashing.class, OpenEndpoints.class, UserRegistration.class})
class UserControllerTest {

    private static final String ADA = """
            {"email": "Ada@Example.com", "fullName": "Ada Lovelace", "password": "correct horse"}""";
    private static final String NEW_EMAIL = """
            {"email": "countess@example.com"}""";

    private final UserId ada = new UserId(UUID.randomUUID());

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @MockitoBean
    private CommandGateway commandGateway;

    @MockitoBean
    private CredentialStore credentials;

    @MockitoBean
    private PersonalDataKeys personalDataKeys;

    @Test
    void registersAUserWithoutATokenWithANormalisedEmailAndOnlyAHashOfThePassword() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        when(credentials.storeIfAbsent(any(), any())).thenReturn(true);

        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(ADA))
                .hasStatus(HttpStatus.CREATED)
                .satisfies(result -> assertThat(result.getResponse().getHeader("Location"))
                        .startsWith("/api/users/"))
                .bodyJson().extractingPath("$.userId").asString().isNotBlank();

        ArgumentCaptor<RegisterUser> sent = ArgumentCaptor.forClass(RegisterUser.class);
        ArgumentCaptor<String> storedHash = ArgumentCaptor.forClass(String.class);
        InOrder steps = inOrder(personalDataKeys, credentials, commandGateway);
        steps.verify(personalDataKeys).issueFor(any());
        steps.verify(credentials).storeIfAbsent(any(), storedHash.capture());
        steps.verify(commandGateway).send(sent.capture());
        assertThat(sent.getValue().email()).isEqualTo("ada@example.com");
        assertThat(sent.getValue().role()).isEqualTo(Role.USER);
        assertThat(sent.getValue().toString()).doesNotContain("correct horse", storedHash.getValue());
        assertThat(passwordEncoder.matches("correct horse", storedHash.getValue())).isTrue();
    }

    @Test
    void aRefusedRegistrationTakesBackTheStoredHash() {
        when(credentials.storeIfAbsent(any(), any())).thenReturn(true);
        when(commandGateway.send(any())).thenReturn(
                CompletableFuture.failedFuture(new EmailAlreadyInUseException("ada@example.com")));

        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(ADA))
                .hasStatus(HttpStatus.CONFLICT);

        ArgumentCaptor<RegisterUser> sent = ArgumentCaptor.forClass(RegisterUser.class);
        verify(commandGateway).send(sent.capture());
        verify(credentials).forget(sent.getValue().userId());
    }

    @Test
    void aUserErasesThemself() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.delete().uri("/api/users/{id}", ada.value()).with(Tokens.as(ada, Role.USER)))
                .hasStatus(HttpStatus.NO_CONTENT);

        verify(commandGateway).send(new EraseUser(ada));
    }

    @Test
    void aUserCannotEraseSomeoneElse() {
        assertThat(mvc.delete().uri("/api/users/{id}", ada.value())
                .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        verify(commandGateway, never()).send(any());
    }

    @Test
    void namesEveryInvalidFieldAndSendsNothing() {
        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email": "not-an-address", "fullName": "", "password": "short"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString()
                .contains("email:", "fullName:", "password:");

        verify(commandGateway, never()).send(any());
    }

    @Test
    void refusesAPasswordShorterThanTenCharacters() {
        assertThat(registerWithPassword("nine-char"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("password: size must be between 10 and 72");

        verify(commandGateway, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "qwertyuiop", "QwertyUIOP", "Password123", "iloveyou12"})
    void refusesTheMostUsedPasswordsInAnyCase(String common) {
        assertThat(registerWithPassword(common))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString()
                .contains("password: is one of the most used passwords");

        verify(commandGateway, never()).send(any());
    }

    @Test
    void answersConflictWhenTheEmailAddressIsTaken() {
        when(commandGateway.send(any())).thenReturn(
                CompletableFuture.failedFuture(new EmailAlreadyInUseException("ada@example.com")));

        assertThat(mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).content(ADA))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("The email address ada@example.com is already in use");
    }

    @Test
    void aUserChangesTheirOwnEmail() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.put().uri("/api/users/{id}/email", ada.value()).with(Tokens.as(ada, Role.USER))
                .contentType(MediaType.APPLICATION_JSON).content(NEW_EMAIL))
                .hasStatus(HttpStatus.NO_CONTENT);

        InOrder steps = inOrder(personalDataKeys, commandGateway);
        steps.verify(personalDataKeys).issueFor(ada);
        steps.verify(commandGateway).send(new ChangeUserEmail(ada, "countess@example.com"));
    }

    @Test
    void anAdminChangesAnyUsersEmail() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.put().uri("/api/users/{id}/email", ada.value())
                .with(Tokens.as(new UserId(UUID.randomUUID()), Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(NEW_EMAIL))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aUserCannotChangeSomeoneElse() {
        assertThat(mvc.put().uri("/api/users/{id}/name", ada.value())
                .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"fullName": "Mallory"}"""))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        verify(commandGateway, never()).send(any());
    }

    @Test
    void changesNeedAToken() {
        assertThat(mvc.post().uri("/api/users/{id}/deactivate", ada.value()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult registerWithPassword(String password) {
        return mvc.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"grace-" + UUID.randomUUID() + "@example.com\", \"fullName\": \"Grace Hopper\", "
                        + "\"password\": \"" + password + "\"}")
                .exchange();
    }
}
