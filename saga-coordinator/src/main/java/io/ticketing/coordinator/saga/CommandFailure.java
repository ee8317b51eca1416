package io.ticketing.coordinator.saga;

import io.ticketing.support.messaging.CommandRejection;

/**
 * A command the saga sent without waiting that failed for good (refused by its handler, or still failing after the
 * gateway's retries). It reaches the saga as a deadline due at once, so that the saga records it, and decides what
 * follows, inside its own scope and transaction, like any other step.
 *
 * @param command   the command's type, as operators read it
 * @param rejection why its handler refused it, or {@code null} when it did not get that far
 * @param reason    what went wrong, for the saga's record
 */
record CommandFailure(String command, CommandRejection.Kind rejection, String reason) {

    static final String DEADLINE_NAME = "command-failed";
}
