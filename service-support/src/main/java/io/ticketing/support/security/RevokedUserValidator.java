package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses the token of a deactivated or erased user for the rest of its lifetime, though its signature holds. */
class RevokedUserValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The user of this token has been deactivated.", null));
    private static final OAuth2TokenValidatorResult NO_USER = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token names no user.", null));

    private final RevokedUsers revokedUsers;

    RevokedUserValidator(RevokedUsers revokedUsers) {
        this.revokedUsers = revokedUsers;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UserId user;
        try {
            user = new UserId(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            return NO_USER;
        }
        return revokedUsers.includes(user) ? REVOKED : OAuth2TokenValidatorResult.success();
    }
}
