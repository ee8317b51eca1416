package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a user. Credentials are not part of it: the user service stores the password hash in its own database
 * before it sends this, so no credential ever enters a message or the event stream.
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String email, String fullName, Role role) {}
