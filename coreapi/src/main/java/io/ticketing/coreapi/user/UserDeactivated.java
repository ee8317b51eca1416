package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;

public record UserDeactivated(UserId userId) {}
