package io.ticketing.user.web;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.RegisterUser;
import io.ticketing.coreapi.user.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final CommandGateway commandGateway;
    private final PasswordEncoder passwordEncoder;

    UserController(CommandGateway commandGateway, PasswordEncoder passwordEncoder) {
        this.commandGateway = commandGateway;
        this.passwordEncoder = passwordEncoder;
    }

    @PostMapping
    CompletableFuture<ResponseEntity<Registered>> register(@Valid @RequestBody Registration registration) {
        UserId userId = new UserId(UUID.randomUUID());
        RegisterUser command = new RegisterUser(userId, registration.normalizedEmail(), registration.fullName().trim(),
                passwordEncoder.encode(registration.password()), Role.USER);
        return commandGateway.send(command).thenApply(done -> ResponseEntity
                .created(URI.create("/api/users/" + userId))
                .body(new Registered(userId.value())));
    }

    record Registration(@NotBlank @Email @Size(max = 320) String email,
                        @NotBlank @Size(max = 200) String fullName,
                        @NotBlank @Size(min = 8, max = 72) String password) {

        String normalizedEmail() {
            return email.toLowerCase(Locale.ROOT);
        }
    }

    record Registered(UUID userId) {
    }
}
