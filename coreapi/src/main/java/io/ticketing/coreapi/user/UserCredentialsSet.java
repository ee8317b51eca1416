package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;

/**
 * The user's password hash, kept apart from {@link UserRegistered} so that the services that follow users
 * never have to carry a credential, and audits can leave it out.
 */
public record UserCredentialsSet(UserId userId, String passwordHash) {
}
