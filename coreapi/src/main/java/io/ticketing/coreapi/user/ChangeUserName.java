package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUserName(@TargetAggregateIdentifier UserId userId, String fullName) {}
