package io.ticketing.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The service's own decoder (Spring Boot's, from the user service's key set; the user service's, from its key), with
 * the platform's validators applied after it. A service that defines its decoder keeps them all the same.
 * <p>
 * Checking a token's signature was the costliest step of a request (RSA, after Nimbus turned the published key into
 * a Java key again: 8 % of the platform's CPU under load, docs/benchmarks.md), and a client sends the same token with
 * every request until it expires. So a token that passed the decoder is remembered by its exact text for a few
 * minutes, as gateways such as Envoy do: the text holds the signature, so only that very token matches. The
 * validators run on every request all the same: a remembered token still expires, and its user's revocation still
 * refuses it at once.
 */
class ValidatingJwtDecoder implements JwtDecoder {

    /** A token signed with a key the user service no longer publishes still passes for at most this long. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private static final int REMEMBERED_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> decoded = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    /** @param validator run on every request, remembered tokens included: expiry, revocation */
    ValidatingJwtDecoder(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        // A token the decoder refuses throws here, and is not remembered.
        Jwt jwt = decoded.get(token, decoder::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            // A bad token, as Spring Security's own validators report one: answered 401.
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
