package io.ticketing.support.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Why a command handler refused a command, in a form that crosses process boundaries: Axon Server hands the
 * dispatcher a {@link CommandExecutionException} with these details, but not the handler's exception.
 */
public record CommandRejection(Kind kind, String message) {

    public enum Kind {
        /** The command itself is wrong ({@link IllegalArgumentException}). */
        INVALID,
        /** The command breaks a rule in the state it met ({@link IllegalStateException}). */
        CONFLICT,
        /** The sender may not do this ({@link SecurityException}). */
        FORBIDDEN,
        /** The command names an aggregate that does not exist. */
        NOT_FOUND
    }

    /** The rejection a failed dispatch carries, if a handler refused the command rather than failed. */
    public static Optional<CommandRejection> of(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof CommandExecutionException execution) {
            return execution.getDetails().filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast);
        }
        return Optional.empty();
    }
}
