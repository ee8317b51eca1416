package io.ticketing.booking.command;

import io.ticketing.coreapi.common.UserId;

/** The users this service has heard of from the user service's events, and whether they may still book. */
public interface KnownUsers {

    boolean isActive(UserId userId);
}
