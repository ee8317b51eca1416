package io.ticketing.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.support.test.InMemoryRevokedUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class ValidatingJwtDecoderTest {

    private static final Instant ISSUED = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(60);

    private final UserId ada = new UserId(UUID.randomUUID());
    private final List<String> verified = new ArrayList<>();
    private final InMemoryRevokedUsers revokedUsers = new InMemoryRevokedUsers();
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    private final ValidatingJwtDecoder decoder = new ValidatingJwtDecoder(
            signatureCheckingDecoder(),
            new DelegatingOAuth2TokenValidator<>(timestamps, new RevokedUserValidator(revokedUsers)));

    @Test
    void aTokenIsVerifiedOnceAndRememberedByItsText() {
        at(ISSUED.plusSeconds(1));

        Jwt first = decoder.decode("ada's token");
        Jwt again = decoder.decode("ada's token");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("ada's token");
    }

    @Test
    void aTokenTheDecoderRefusedIsNotRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenStillExpires() {
        at(ISSUED.plusSeconds(1));
        decoder.decode("ada's token");

        at(ISSUED.plus(LIFETIME).plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode("ada's token"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenOfARevokedUserIsRefusedAtOnce() {
        at(ISSUED.plusSeconds(1));
        decoder.decode("ada's token");

        revokedUsers.revoke(ada);

        assertThatThrownBy(() -> decoder.decode("ada's token"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("deactivated");
    }

    private void at(Instant now) {
        timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Stands for the signature check: counts what it was asked to verify, and accepts only ada's token. */
    private JwtDecoder signatureCheckingDecoder() {
        return token -> {
            verified.add(token);
            if (!token.equals("ada's token")) {
                throw new BadJwtException("Signed JWT rejected: Invalid signature");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject(ada.value().toString())
                    .issuedAt(ISSUED)
                    .expiresAt(ISSUED.plus(LIFETIME))
                    .build();
        };
    }
}
