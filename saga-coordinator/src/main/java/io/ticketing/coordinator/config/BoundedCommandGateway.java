package io.ticketing.coordinator.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonException;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * A command gateway that lets at most so many commands sent without waiting be in flight at once; the next sender
 * waits until one of them has its answer. The sagas send their steps without waiting, so on sale day nothing else
 * would stop a saga that reads its events faster than the services handle its commands from queueing them by the
 * thousand, each on a thread of the command bus, those of a hot show all for its one aggregate's lock. Bounded, the
 * saga's processor waits instead, its lag grows, and the booking service's admission control sees it.
 * <p>
 * A command sent and waited for is bounded by its sender already, and passes straight through.
 */
final class BoundedCommandGateway implements CommandGateway {

    private final CommandGateway delegate;
    private final Semaphore inFlight;

    BoundedCommandGateway(CommandGateway delegate, int maxInFlight) {
        this.delegate = delegate;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        awaitRoomFor(command);
        try {
            CompletableFuture<R> answer = delegate.send(command);
            answer.whenComplete((result, failure) -> inFlight.release());
            return answer;
        } catch (RuntimeException notDispatched) {
            inFlight.release();
            throw notDispatched;
        }
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        awaitRoomFor(command);
        try {
            delegate.send(command, callback.wrap((sent, answer) -> inFlight.release()));
        } catch (RuntimeException notDispatched) {
            inFlight.release();
            throw notDispatched;
        }
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return delegate.sendAndWait(command);
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return delegate.sendAndWait(command, timeout, unit);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    private void awaitRoomFor(Object command) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandNotSent(command, e);
        }
    }

    /** The sender was interrupted, a processor shutting down, while it waited for a command to finish. */
    static final class CommandNotSent extends AxonException {

        CommandNotSent(Object command, InterruptedException cause) {
            super("Interrupted while waiting to send " + command, cause);
        }
    }
}
