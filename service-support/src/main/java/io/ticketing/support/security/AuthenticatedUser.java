package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent the request, as the token the user service signed says. Controllers take it as a parameter; the user
 * never comes from a request body.
 */
public record AuthenticatedUser(UserId id, Set<Role> roles) {

    static AuthenticatedUser from(Jwt token) {
        Set<Role> roles = token.getClaimAsStringList(PlatformTokens.ROLES_CLAIM) == null
                ? Set.of()
                : Set.copyOf(token.getClaimAsStringList(PlatformTokens.ROLES_CLAIM).stream()
                        .map(Role::valueOf)
                        .toList());
        return new AuthenticatedUser(new UserId(UUID.fromString(token.getSubject())), roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether this user may act on what belongs to {@code owner}: its owner and admins may. */
    public boolean mayActFor(UserId owner) {
        return id.equals(owner) || isAdmin();
    }
}
