package io.ticketing.user.command;

public class EmailAlreadyInUseException extends IllegalStateException {

    public EmailAlreadyInUseException(String email) {
        super("The email address " + email + " is already in use");
    }
}
