package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent the request, as the token the user service signed says. Controllers take it as a parameter; the user
 * never comes from a request body.
 */
public record AuthenticatedUser(UserId id, Set<Role> roles) {

    static AuthenticatedUser from(Jwt token) {
        List<String> roleNames = token.getClaimAsStringList(PlatformTokens.ROLES_CLAIM);
        Set<Role> roles = roleNames == null
                ? Set.of()
                : Set.copyOf(roleNames.stream().map(Role::valueOf).toList());
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
