package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateUser(@TargetAggregateIdentifier UserId userId) {}
