package io.ticketing.user.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.ChangeUserEmail;
import io.ticketing.coreapi.user.ChangeUserName;
import io.ticketing.coreapi.user.DeactivateUser;
import io.ticketing.coreapi.user.EraseUser;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.security.AuthenticatedUser;
import io.ticketing.support.validation.PlainText;
import io.ticketing.user.auth.AcceptablePassword;
import io.ticketing.user.auth.LoginThrottle;
import io.ticketing.user.auth.UserRegistration;
import io.ticketing.user.privacy.PersonalDataKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final CommandGateway commandGateway;
    private final UserRegistration userRegistration;
    private final PersonalDataKeys personalDataKeys;
    private final LoginThrottle loginThrottle;

    UserController(
            CommandGateway commandGateway,
            UserRegistration userRegistration,
            PersonalDataKeys personalDataKeys,
            LoginThrottle loginThrottle) {
        this.commandGateway = commandGateway;
        this.userRegistration = userRegistration;
        this.personalDataKeys = personalDataKeys;
        this.loginThrottle = loginThrottle;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Registered; Location names the user", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "429",
            description = "This client was told too often that an address has an account",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds to wait",
                            schema = @Schema(type = "integer")))
    CompletableFuture<ResponseEntity<Registered>> register(
            @Valid @RequestBody Registration registration, HttpServletRequest request) {
        UserId userId = new UserId(UUID.randomUUID());
        return loginThrottle
                .registering(
                        request.getRemoteAddr(),
                        () -> userRegistration.register(
                                userId,
                                normalized(registration.email()),
                                registration.fullName(),
                                registration.password(),
                                Role.USER))
                .thenApply(done -> ResponseEntity.created(URI.create("/api/users/" + userId))
                        .body(new Registered(userId.value())));
    }

    @PutMapping("/{userId}/email")
    @ApiResponse(responseCode = "204", description = "Changed")
    CompletableFuture<ResponseEntity<Void>> changeEmail(
            @PathVariable UUID userId, @Valid @RequestBody EmailChange change, AuthenticatedUser caller) {
        UserId target = requireSelfOrAdmin(caller, userId);
        personalDataKeys.issueFor(target);
        return applied(commandGateway.send(new ChangeUserEmail(target, normalized(change.email()))));
    }

    @PutMapping("/{userId}/name")
    @ApiResponse(responseCode = "204", description = "Changed")
    CompletableFuture<ResponseEntity<Void>> changeName(
            @PathVariable UUID userId, @Valid @RequestBody NameChange change, AuthenticatedUser caller) {
        UserId target = requireSelfOrAdmin(caller, userId);
        personalDataKeys.issueFor(target);
        return applied(commandGateway.send(new ChangeUserName(target, change.fullName())));
    }

    @PostMapping("/{userId}/deactivate")
    @ApiResponse(responseCode = "204", description = "Changed")
    CompletableFuture<ResponseEntity<Void>> deactivate(@PathVariable UUID userId, AuthenticatedUser caller) {
        UserId target = requireSelfOrAdmin(caller, userId);
        return applied(commandGateway.send(new DeactivateUser(target)));
    }

    /**
     * Erasure (GDPR art. 17): the user's personal data becomes unreadable everywhere, their credentials are
     * forgotten, and their tokens stop working. Bookings and payments stay, without a name or an address.
     */
    @DeleteMapping("/{userId}")
    @ApiResponse(responseCode = "204", description = "Erased")
    CompletableFuture<ResponseEntity<Void>> erase(@PathVariable UUID userId, AuthenticatedUser caller) {
        UserId target = requireSelfOrAdmin(caller, userId);
        return applied(commandGateway.send(new EraseUser(target)));
    }

    private static UserId requireSelfOrAdmin(AuthenticatedUser caller, UUID userId) {
        UserId target = new UserId(userId);
        if (!caller.mayActFor(target)) {
            throw new AccessDeniedException("Only the user themself or an admin may change user " + userId);
        }
        return target;
    }

    private static CompletableFuture<ResponseEntity<Void>> applied(CompletableFuture<?> sent) {
        return sent.thenApply(done -> ResponseEntity.noContent().build());
    }

    private static String normalized(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    record Registration(
            @NotBlank @Email @Size(max = TextLimits.EMAIL) @PlainText
            String email,

            @NotBlank @Size(max = TextLimits.NAME) @PlainText
            String fullName,

            @AcceptablePassword String password) {}

    record EmailChange(
            @NotBlank @Email @Size(max = TextLimits.EMAIL) @PlainText
            String email) {}

    record NameChange(
            @NotBlank @Size(max = TextLimits.NAME) @PlainText
            String fullName) {}

    record Registered(UUID userId) {}
}
