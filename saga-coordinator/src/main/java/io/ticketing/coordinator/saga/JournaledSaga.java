package io.ticketing.coordinator.saga;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.support.messaging.CommandRejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the platform's sagas share: they send their commands, keep a visible record of their step and their last
 * failure, and take operator actions.
 * <p>
 * A step forward is dispatched without waiting ({@link #dispatch}): the saga learns how it went from the events it
 * causes, and its processor goes on with the next booking's events meanwhile, so that many bookings' commands are
 * in flight at once instead of one. It is sent before the saga's unit of work commits, as a waited-for command
 * was, so a crash in between sends it again on redelivery, never loses it. A dispatched command that fails for good
 * comes back as a {@link CommandFailure} and stays on record for an operator, unless the saga answers it itself
 * ({@link #commandFailed}). How many are in flight at once is the gateway's to bound. Compensations still go one
 * command at a time ({@link #send}), since each depends on how the one before went.
 * <p>
 * A command is sent with an id derived from the booking, the step and the command's type, so that a command sent
 * again (a redelivered event, an operator's retry) is recognisably the same one. Every command is idempotent at
 * its aggregate, so sending it again changes nothing there either.
 */
abstract class JournaledSaga {

    /**
     * The one association of every saga here: each event a saga hears names its booking, the payment's events too (a
     * booking has one payment, whose id is derived from the booking's), so a second association would only cost the
     * coordinator a row and a lookup a booking, on the thread every booking waits for (docs/benchmarks.md, nineteenth
     * round).
     */
    static final String BOOKING_ID = "bookingId";

    @Autowired
    protected transient CommandGateway commandGateway;

    @Autowired
    protected transient DeadlineManager deadlineManager;

    @Autowired
    protected transient SagaJournal journal;

    protected BookingId bookingId;
    protected SagaStep step;
    private String sagaId;

    protected void start(BookingId booking, SagaStep firstStep) {
        bookingId = booking;
        sagaId = ((SagaScopeDescriptor) SagaLifecycle.describeCurrentScope())
                .getIdentifier()
                .toString();
        step = firstStep;
        journal.started(sagaId, getClass().getSimpleName(), booking, firstStep);
    }

    protected void moveTo(SagaStep next, Instant deadline) {
        step = next;
        journal.moved(sagaId, next, deadline);
    }

    /**
     * Sends the commands in order and waits for each; the gateway retries with back-off what may pass. A command
     * still refused after that stops the rest, and the saga stays where it is, its failure on record for an
     * operator to retry, compensate or abandon.
     *
     * @return the failure that stopped the commands, if one did
     */
    protected Optional<RuntimeException> send(Object... commands) {
        for (Object command : commands) {
            try {
                commandGateway.sendAndWait(withStableId(command));
            } catch (RuntimeException failure) {
                journal.failed(sagaId, command.getClass().getSimpleName() + " failed: " + reasonOf(failure));
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    protected void end(SagaStep outcome) {
        step = outcome;
        journal.ended(sagaId, outcome);
        SagaLifecycle.end();
    }

    /**
     * Sends a command and returns at once; the gateway retries it with back-off while it may pass. If it still
     * fails, the failure reaches this saga as a deadline due at once.
     */
    protected void dispatch(Object command) {
        ScopeDescriptor scope = SagaLifecycle.describeCurrentScope();
        commandGateway.send(withStableId(command)).whenComplete((result, failure) -> {
            if (failure != null) {
                CommandFailure failed = new CommandFailure(
                        command.getClass().getSimpleName(),
                        CommandRejection.of(failure).map(CommandRejection::kind).orElse(null),
                        reasonOf(failure));
                deadlineManager.schedule(Duration.ZERO, CommandFailure.DEADLINE_NAME, failed, scope);
            }
        });
    }

    @DeadlineHandler(deadlineName = CommandFailure.DEADLINE_NAME)
    void on(CommandFailure failure) {
        journal.failed(sagaId, failure.command() + " failed: " + failure.reason());
        commandFailed(failure);
    }

    /** A dispatched command failed for good; unless the saga knows better, it stays on record for an operator. */
    protected void commandFailed(CommandFailure failure) {}

    @DeadlineHandler(deadlineName = OperatorAction.DEADLINE_NAME)
    void on(OperatorAction action) {
        action.requireApplicableTo(getClass().getSimpleName());
        switch (action) {
            case RETRY -> retryCurrentStep();
            case COMPENSATE -> compensate("Compensated by an operator");
            case ABANDON -> end(SagaStep.ABANDONED);
        }
    }

    /** Sends the current step's commands again. */
    protected abstract void retryCurrentStep();

    /**
     * Undoes what the saga did so far. Only a saga that {@link OperatorAction#requireApplicableTo} lets an operator
     * compensate has something to undo, and overrides this.
     */
    protected void compensate(String reason) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be compensated");
    }

    private CommandMessage<?> withStableId(Object command) {
        String stableId = UUID.nameUUIDFromBytes(
                        (bookingId + "/" + step + "/" + command.getClass().getName()).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, ?> flowMetadata = CurrentUnitOfWork.correlationData();
        return new GenericCommandMessage<>(
                new GenericMessage<>(stableId, command, flowMetadata),
                command.getClass().getName());
    }

    private static String reasonOf(Throwable failure) {
        return CommandRejection.of(failure).map(CommandRejection::message).orElseGet(failure::toString);
    }
}
