package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a user. The password arrives already hashed: no plain password ever enters a message. */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String email, String fullName,
                           String passwordHash, Role role) {
}
