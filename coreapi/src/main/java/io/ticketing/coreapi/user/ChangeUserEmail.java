package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUserEmail(@TargetAggregateIdentifier UserId userId, String email) {}
