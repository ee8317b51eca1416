package io.ticketing.user.command;

import io.ticketing.coreapi.common.UserId;

/** The set of email addresses in use. A claim lives and dies with the transaction of the command that made it. */
public interface EmailClaims {

    /**
     * Claims {@code email} for {@code userId}; claiming an address the same user already holds changes nothing.
     *
     * @throws EmailAlreadyInUseException when another user holds the address
     */
    void claim(String email, UserId userId);
}
