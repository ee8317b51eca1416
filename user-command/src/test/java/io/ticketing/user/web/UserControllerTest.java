package io.ticketing.user.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.EraseUser;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.messaging.CommandRejection;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import io.ticketing.user.auth.InMemoryLoginThrottle;
import io.ticketing.user.auth.OpenEndpoints;
import io.ticketing.user.auth.PasswordHashing;
import io.ticketing.user.auth.UserRegistration;
import io.ticketing.user.command.EmailAlreadyInUseException;
import io.ticketing.user.persistence.CredentialStore;
import io.ticketing.user.privacy.PersonalDataKeys;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
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
@Import({PasswordHashing.class, OpenEndpoints.class, UserRegistration.class, InMemoryLoginThrottle.class})
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

    @Autowired
    private InMemoryLoginThrottle.Failures loginFailures;

    @BeforeEach
    void noFailuresYet() {
        loginFailures.clear();
    }

    @Test
    void registersAUserWithoutATokenWithANormalisedEmailAndOnlyAHashOfThePassword() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        when(credentials.storeIfAbsent(any(), any())).thenReturn(true);

        assertThat(mvc.post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADA))
                .hasStatus(HttpStatus.CREATED)
                .satisfies(result ->
                        assertThat(result.getResponse().getHeader("Location")).startsWith("/api/users/"))
                .bodyJson()
                .extractingPath("$.userId")
                .asString()
                .isNotBlank();

        ArgumentCaptor<RegisterUser> sent = ArgumentCaptor.forClass(RegisterUser.class);
        ArgumentCaptor<String> storedHash = ArgumentCaptor.forClass(String.class);
        InOrder steps = inOrder(personalDataKeys, credentials, commandGateway);
        steps.verify(personalDataKeys).issueFor(any());
        steps.verify(credentials).storeIfAbsent(any(), storedHash.capture());
        steps.verify(commandGateway).send(sent.capture());
        assertThat(sent.getValue().email()).isEqualTo("ada@example.com");
        assertThat(sent.getValue().role()).isEqualTo(Role.USER);
        assertThat(sent.getValue().toString()).doesNotContain("correct horse", storedHash.getValue());
        assertThat(passwordEncoder.matches("correct horse", storedHash.getValue()))
                .isTrue();
    }

    @Test
    void aRefusedRegistrationTakesBackTheStoredHash() {
        when(credentials.storeIfAbsent(any(), any())).thenReturn(true);
        when(commandGateway.send(any())).thenReturn(addressTaken());

        assertThat(mvc.post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADA))
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
        assertThat(mvc.delete()
                        .uri("/api/users/{id}", ada.value())
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        verify(commandGateway, never()).send(any());
    }

    @Test
    void namesEveryInvalidFieldAndSendsNothing() {
        assertThat(mvc.post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"email": "not-an-address", "fullName": "", "password": "short"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("email:", "fullName:", "password:");

        verify(commandGateway, never()).send(any());
    }

    @Test
    void refusesAPasswordShorterThanTenCharacters() {
        assertThat(registerWithPassword("nine-char"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("password: size must be between 10 and 72");

        verify(commandGateway, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "12345678", "qwertyuiop", "QwertyUIOP", "Password123", "iloveyou12"})
    void refusesTheMostUsedPasswordsInAnyCase(String common) {
        assertThat(registerWithPassword(common))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("password: is one of the most used passwords");

        verify(commandGateway, never()).send(any());
    }

    @Test
    void answersConflictWithoutEchoingTheTakenAddress() {
        when(commandGateway.send(any())).thenReturn(addressTaken());

        assertThat(mvc.post()
                        .uri("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ADA))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("already has an account")
                .doesNotContainIgnoringCase("ada@example.com");
    }

    @Test
    void aClientToldThreeTimesThatAnAddressHasAnAccountMustWaitToRegisterAgain() {
        when(commandGateway.send(any())).thenReturn(addressTaken());
        for (int conflict = 0; conflict < 3; conflict++) {
            assertThat(mvc.post()
                            .uri("/api/users")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(ADA))
                    .hasStatus(HttpStatus.CONFLICT);
        }

        assertThat(registerWithPassword("a fourth try, another address"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .satisfies(refused -> assertThat(
                                Integer.parseInt(refused.getResponse().getHeader("Retry-After")))
                        .isBetween(1, 60));

        verify(commandGateway, times(3)).send(any());
    }

    @Test
    void registrationsOfFreeAddressesAreNotThrottled() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));
        when(credentials.storeIfAbsent(any(), any())).thenReturn(true);

        for (int registration = 0; registration < 4; registration++) {
            assertThat(registerWithPassword("correct horse " + registration)).hasStatus(HttpStatus.CREATED);
        }
    }

    @Test
    void aUserChangesTheirOwnEmail() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.put()
                        .uri("/api/users/{id}/email", ada.value())
                        .with(Tokens.as(ada, Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_EMAIL))
                .hasStatus(HttpStatus.NO_CONTENT);

        InOrder steps = inOrder(personalDataKeys, commandGateway);
        steps.verify(personalDataKeys).issueFor(ada);
        steps.verify(commandGateway).send(new ChangeUserEmail(ada, "countess@example.com"));
    }

    @Test
    void anAdminChangesAnyUsersEmail() {
        when(commandGateway.send(any())).thenReturn(CompletableFuture.completedFuture(null));

        assertThat(mvc.put()
                        .uri("/api/users/{id}/email", ada.value())
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_EMAIL))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aUserCannotChangeSomeoneElse() {
        assertThat(mvc.put()
                        .uri("/api/users/{id}/name", ada.value())
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
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
        return mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"grace-" + UUID.randomUUID() + "@example.com\", \"fullName\": \"Grace Hopper\", "
                        + "\"password\": \"" + password + "\"}")
                .exchange();
    }

    /** How a registration fails when the address is taken: as CommandRejectionInterceptor passes it to the edge. */
    private static CompletableFuture<Object> addressTaken() {
        EmailAlreadyInUseException taken = new EmailAlreadyInUseException();
        return CompletableFuture.failedFuture(new CommandExecutionException(
                taken.getMessage(), taken, new CommandRejection(CommandRejection.Kind.CONFLICT, taken.getMessage())));
    }
}
