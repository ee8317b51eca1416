package io.ticketing.support.messaging;

import io.ticketing.support.messaging.CommandRejection.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a handler's refusal into a {@link CommandExecutionException} whose details say what kind of refusal it is,
 * so that the HTTP edge answers 400, 403, 404 or 409 whether the handler ran in this process or behind Axon Server.
 */
public class CommandRejectionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException e) {
            throw rejected(Kind.NOT_FOUND, "No such " + unitOfWork.getMessage().getCommandName()
                    .replaceAll(".*\\.", "") + " target: " + e.getAggregateIdentifier(), e);
        } catch (IncompatibleAggregateException e) {
            // The target's id holds another kind of aggregate's events (a client chose a taken id).
            throw rejected(Kind.CONFLICT, "The id " + unitOfWork.getMessage().getCommandName()
                    .replaceAll(".*\\.", "") + " targets is taken by another kind of record; choose another", e);
        } catch (IllegalArgumentException e) {
            throw rejected(Kind.INVALID, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw rejected(Kind.CONFLICT, e.getMessage(), e);
        } catch (SecurityException e) {
            throw rejected(Kind.FORBIDDEN, e.getMessage(), e);
        }
    }

    private static CommandExecutionException rejected(Kind kind, String message, Exception cause) {
        return new CommandExecutionException(message, cause, new CommandRejection(kind, message));
    }
}
