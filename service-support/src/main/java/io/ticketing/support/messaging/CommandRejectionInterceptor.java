package io.ticketing.support.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a handler's refusal into a {@link CommandExecutionException} whose details say what kind of refusal it is
 * ({@link CommandRejection#classify}), so that the sender learns it whether the handler ran in its process or behind
 * Axon Server, which passes on the details but not the handler's exception. A fault that is no refusal passes as it
 * is.
 */
public class CommandRejectionInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuntimeException failure) {
            throw CommandRejection.classify(failure)
                    .map(rejection ->
                            (RuntimeException) new CommandExecutionException(rejection.message(), failure, rejection))
                    .orElse(failure);
        }
    }
}
