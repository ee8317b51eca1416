package io.ticketing.user.auth;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.user.Role;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminBootstrapTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private final UserRegistration registration = mock(UserRegistration.class);

    @ParameterizedTest
    @ValueSource(strings = {"change-me", "admin", "administrator", "1234567890"})
    void aWeakAdminPasswordSetsUpNoAdmin(String weak) {
        new AdminBootstrap(registration, VALIDATOR, "admin@example.com", weak).registerAdmin();

        verifyNoInteractions(registration);
    }

    @Test
    void anAcceptableAdminPasswordSetsUpTheAdmin() {
        when(registration.register(any(), any(), any(), any(), any()))
                .thenReturn(CompletableFuture.completedFuture(null));

        new AdminBootstrap(registration, VALIDATOR, " Admin@Example.com ", "change-me-now").registerAdmin();

        verify(registration)
                .register(any(), eq("admin@example.com"), eq("Administrator"), eq("change-me-now"), eq(Role.ADMIN));
    }
}
