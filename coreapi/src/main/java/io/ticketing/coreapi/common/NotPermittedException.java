package io.ticketing.coreapi.common;

/**
 * The acting user may not do this, or not to this record. A refusal for good: sending it again changes nothing.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
