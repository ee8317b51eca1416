package io.ticketing.launcher;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.tracing.Span;

/**
 * One service's view of the platform's shared command bus. It dispatches to the shared bus, and subscribes the
 * service's handlers there wrapped in the service's own handler interceptors, so that a command runs in the
 * transaction of the database of the service that handles it (and carries that service's correlation data), not
 * in whichever service sent it.
 * <p>
 * This is the standalone mode's stand-in for Axon Server's command routing, where each service's local segment
 * does the same: it measures the commands the service handles, as that local segment's monitor does, and traces
 * them with the service's own span factory, as Axon Server's bus does (a dispatch span in the sender, whose context
 * the command carries to a handling span in the handler), so that each span names the service that made it.
 */
final class ServiceCommandBus implements CommandBus {

    private final CommandBus sharedBus;
    private final MessageMonitor<? super CommandMessage<?>> handledCommands;
    private final CommandBusSpanFactory spans;
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> handlerInterceptors =
            new CopyOnWriteArrayList<>();
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();

    ServiceCommandBus(
            CommandBus sharedBus,
            MessageMonitor<? super CommandMessage<?>> handledCommands,
            CommandBusSpanFactory spans) {
        this.sharedBus = sharedBus;
        this.handledCommands = handledCommands;
        this.spans = spans;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        spans.createDispatchCommandSpan(command, true)
                .run(() -> sharedBus.dispatch(spans.propagateContext(intercept(command))));
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        Span span = spans.createDispatchCommandSpan(command, true);
        span.run(() ->
                sharedBus.dispatch(spans.propagateContext(intercept(command)), callback.wrap((dispatched, result) -> {
                    if (result.isExceptional()) {
                        span.recordException(result.exceptionResult());
                    }
                })));
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return sharedBus.subscribe(commandName, command -> {
            @SuppressWarnings("unchecked")
            UnitOfWork<CommandMessage<?>> unitOfWork = (UnitOfWork<CommandMessage<?>>) CurrentUnitOfWork.get();
            // Reported when the command's transaction has ended, so that a failed commit counts as a failure.
            MessageMonitor.MonitorCallback measured = handledCommands.onMessageIngested(command);
            unitOfWork.afterCommit(committed -> measured.reportSuccess());
            unitOfWork.onRollback(rolledBack -> measured.reportFailure(failureOf(rolledBack)));
            return spans.createHandleCommandSpan(command, true)
                    .runCallable(
                            () -> new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors, handler).proceed());
        });
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        handlerInterceptors.add(handlerInterceptor);
        return () -> handlerInterceptors.remove(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        dispatchInterceptors.add(dispatchInterceptor);
        return () -> dispatchInterceptors.remove(dispatchInterceptor);
    }

    /** The handler's exception; none when the handler succeeded and its commit failed. */
    private static Throwable failureOf(UnitOfWork<?> rolledBack) {
        return Optional.ofNullable(rolledBack.getExecutionResult())
                .filter(ExecutionResult::isExceptionResult)
                .map(ExecutionResult::getExceptionResult)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> intercepted = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            intercepted = (CommandMessage<C>) interceptor.handle(intercepted);
        }
        return intercepted;
    }
}
