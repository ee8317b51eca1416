package io.ticketing.booking.command;

import io.ticketing.coreapi.common.UserId;

/** The users this service has heard of from the user service's events, and whether they may still book. */
public interface KnownUsers {

    Standing standingOf(UserId userId);

    enum Standing {
        ACTIVE,
        /** Deactivated or erased: for good. */
        DEACTIVATED,
        /** Registered with the user service, perhaps a moment ago, but its event has not arrived here yet. */
        NOT_YET_KNOWN
    }
}
