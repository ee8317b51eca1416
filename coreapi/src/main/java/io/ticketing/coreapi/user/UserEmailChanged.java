package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;

public record UserEmailChanged(UserId userId, String previousEmail, String email) {
}
