package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a user's personal data for good (GDPR art. 17): the user can no longer log in or act. */
public record EraseUser(@TargetAggregateIdentifier UserId userId) {}
