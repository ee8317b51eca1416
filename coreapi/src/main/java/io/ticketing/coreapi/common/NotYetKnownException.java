package io.ticketing.coreapi.common;

/**
 * The request names something this service has not heard of yet, though another service has (a user who
 * registered a moment ago): the events saying so are on their way, so the same request may pass shortly.
 */
public class NotYetKnownException extends RuntimeException {

    public NotYetKnownException(String message) {
        super(message);
    }
}
