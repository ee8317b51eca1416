package io.ticketing.user.auth;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.support.messaging.CommandRejection;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the first admin from {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD}. There is no built-in password:
 * without both, no admin exists. The admin's id is derived from the address, so that every start (and every
 * instance) sends the same registration, which the user service recognises as done. The password must meet the
 * policy every user's does ({@link AcceptablePassword}): an admin with a guessable one is worse than none.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRegistration registration;
    private final Validator validator;
    private final String email;
    private final String password;

    AdminBootstrap(
            UserRegistration registration,
            Validator validator,
            @Value("${user.admin.email:}") String email,
            @Value("${user.admin.password:}") String password) {
        this.registration = registration;
        this.validator = validator;
        this.email = email.strip().toLowerCase(Locale.ROOT);
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAdmin() {
        if (email.isEmpty() || password.isEmpty()) {
            log.info("No ADMIN_EMAIL and ADMIN_PASSWORD given: no admin account is set up");
            return;
        }
        String weaknesses = validator.validate(new AdminPassword(password)).stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        if (!weaknesses.isEmpty()) {
            log.error("ADMIN_PASSWORD is refused ({}): no admin account is set up", weaknesses);
            return;
        }
        UserId adminId = new UserId(UUID.nameUUIDFromBytes(("admin:" + email).getBytes(StandardCharsets.UTF_8)));
        try {
            registration
                    .register(adminId, email, "Administrator", password, Role.ADMIN)
                    .join();
            log.info("Admin account {} is set up", email);
        } catch (RuntimeException refused) {
            log.error(
                    "The admin account {} could not be set up: {}",
                    email,
                    CommandRejection.of(refused).map(CommandRejection::message).orElse(refused.getMessage()));
        }
    }

    private record AdminPassword(@AcceptablePassword String value) {}
}
