package io.ticketing.support.messaging;

import io.ticketing.coreapi.common.NotPermittedException;
import io.ticketing.coreapi.common.NotYetKnownException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.security.access.AccessDeniedException;

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
        /** The sender may not do this ({@link NotPermittedException}). */
        FORBIDDEN,
        /** The command names an aggregate that does not exist. */
        NOT_FOUND,
        /** The command names something this service will know shortly ({@link NotYetKnownException}). */
        NOT_YET_KNOWN
    }

    /** The rejection a failed dispatch carries, if a handler refused the command rather than failed. */
    public static Optional<CommandRejection> of(Throwable failure) {
        if (unwrapped(failure) instanceof CommandExecutionException execution) {
            return execution
                    .getDetails()
                    .filter(CommandRejection.class::isInstance)
                    .map(CommandRejection.class::cast);
        }
        return Optional.empty();
    }

    /**
     * What kind of refusal a failure is, wherever it was thrown: by a command handler, by the edge itself, or carried
     * back from a handler as a failed dispatch's details. Empty for a failure that is no refusal but a fault. The one
     * place that says which exception means which refusal.
     */
    public static Optional<CommandRejection> classify(Throwable failure) {
        Throwable refusal = unwrapped(failure);
        if (refusal instanceof CommandExecutionException && refusal.getCause() != null) {
            return of(refusal).or(() -> classify(refusal.getCause()));
        }
        return of(refusal).or(() -> kindOf(refusal).map(kind -> new CommandRejection(kind, messageOf(refusal))));
    }

    private static Optional<Kind> kindOf(Throwable refusal) {
        if (refusal instanceof IllegalArgumentException) {
            return Optional.of(Kind.INVALID);
        }
        if (refusal instanceof IllegalStateException || refusal instanceof IncompatibleAggregateException) {
            return Optional.of(Kind.CONFLICT);
        }
        if (refusal instanceof NotPermittedException || refusal instanceof AccessDeniedException) {
            return Optional.of(Kind.FORBIDDEN);
        }
        if (refusal instanceof AggregateNotFoundException) {
            return Optional.of(Kind.NOT_FOUND);
        }
        if (refusal instanceof NotYetKnownException) {
            return Optional.of(Kind.NOT_YET_KNOWN);
        }
        return Optional.empty();
    }

    private static String messageOf(Throwable refusal) {
        if (refusal instanceof AggregateNotFoundException notFound) {
            return "No such " + notFound.getAggregateIdentifier();
        }
        if (refusal instanceof IncompatibleAggregateException) {
            // The target's id holds another kind of aggregate's events (a client chose a taken id).
            return "The id is taken by another kind of record; choose another";
        }
        return refusal.getMessage();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
