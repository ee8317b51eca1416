package io.ticketing.support.security;

import io.ticketing.coreapi.common.UserId;

/** The users whose tokens no service accepts any more, though they are signed and unexpired: deactivated or erased. */
public interface RevokedUsers {

    /** Answered from memory: it is asked on every request. */
    boolean includes(UserId user);
}
