package io.ticketing.support.test;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests as a user holding a token the user service would have signed. */
public final class Tokens {

    private Tokens() {}

    public static RequestPostProcessor as(UserId user, Role... roles) {
        List<String> roleNames = Arrays.stream(roles).map(Role::name).toList();
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(user.toString()).claim("roles", roleNames))
                .authorities(roleNames.stream()
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
    }
}
