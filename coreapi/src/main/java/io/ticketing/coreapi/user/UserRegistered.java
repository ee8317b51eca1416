package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;

public record UserRegistered(UserId userId, String email, String fullName, Role role) {
}
