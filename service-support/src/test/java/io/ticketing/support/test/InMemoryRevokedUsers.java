package io.ticketing.support.test;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.support.security.RevokedUsers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The revoked users of a web slice, which has no database: none until a test revokes one. */
public class InMemoryRevokedUsers implements RevokedUsers {

    private final Set<UserId> revoked = ConcurrentHashMap.newKeySet();

    public void revoke(UserId user) {
        revoked.add(user);
    }

    @Override
    public boolean includes(UserId user) {
        return revoked.contains(user);
    }
}
