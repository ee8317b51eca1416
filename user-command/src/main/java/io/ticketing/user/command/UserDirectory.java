package io.ticketing.user.command;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;

/**
 * Every user's email address and standing, changed in the user service's transaction of the command
 * that changes the user, and flushed at once: two users racing for one address cannot both commit. The directory
 * refuses an address another user holds.
 */
public interface UserDirectory {

    /** @throws EmailAlreadyInUseException when another user holds the address */
    void add(UserId userId, String email, Role role);

    /** @throws EmailAlreadyInUseException when another user holds the address */
    void changeEmail(UserId userId, String email);

    void deactivate(UserId userId);

    /** Forgets the user's address and credentials and destroys the key of their personal data; may be repeated. */
    void erase(UserId userId);
}
