package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;

/**
 * The user's personal data is gone: the key it was encrypted with is destroyed, so every earlier event of the user
 * now reads as erased. A projection replaces what it kept of the user; the user's tokens stop working, as after
 * {@link UserDeactivated}.
 */
public record UserErased(UserId userId) {}
