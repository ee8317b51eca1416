package io.ticketing.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The service's own decoder (Spring Boot's, from the user service's key set; the user service's, from its key), with
 * the platform's validators applied after it. A service that defines its decoder keeps them all the same.
 */
class ValidatingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;

    ValidatingJwtDecoder(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = decoder.decode(token);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            // A bad token, as Spring Security's own validators report one: answered 401.
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
