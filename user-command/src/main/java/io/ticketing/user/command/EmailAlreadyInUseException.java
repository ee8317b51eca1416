package io.ticketing.user.command;

/**
 * Another user holds the address. The message names no address: it answers strangers who register, and what it
 * tells them (this address has an account) is as much as they need to know to log in instead.
 */
public class EmailAlreadyInUseException extends IllegalStateException {

    public EmailAlreadyInUseException() {
        super("This email address already has an account: log in with it, or register with another address.");
    }
}
