package io.ticketing.coordinator.saga;

/**
 * A command the saga sent without waiting that failed for good (refused by its handler, or still failing after the
 * gateway's retries). It reaches the saga as a deadline due at once, so that it goes on the saga's record inside its
 * own scope and transaction, like any other step.
 *
 * @param command the command's type, as operators read it
 * @param reason  what went wrong, for the saga's record
 */
record CommandFailure(String command, String reason) {

    static final String DEADLINE_NAME = "command-failed";
}
