package io.ticketing.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.common.NotPermittedException;
import io.ticketing.coreapi.common.NotYetKnownException;
import io.ticketing.support.messaging.CommandRejection.Kind;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

class CommandRejectionTest {

    @Test
    void eachDomainRefusalHasItsKind() {
        assertThat(CommandRejection.classify(new IllegalArgumentException("no tickets")))
                .hasValue(new CommandRejection(Kind.INVALID, "no tickets"));
        assertThat(CommandRejection.classify(new IllegalStateException("already confirmed")))
                .hasValue(new CommandRejection(Kind.CONFLICT, "already confirmed"));
        assertThat(CommandRejection.classify(new NotPermittedException("not yours")))
                .hasValue(new CommandRejection(Kind.FORBIDDEN, "not yours"));
        assertThat(CommandRejection.classify(new NotYetKnownException("not heard of")))
                .hasValue(new CommandRejection(Kind.NOT_YET_KNOWN, "not heard of"));
    }

    @Test
    void anUnknownOrTakenIdIsSaidWithoutTheStoresWording() {
        assertThat(CommandRejection.classify(new AggregateNotFoundException("show-1", "not in the event store")))
                .hasValue(new CommandRejection(Kind.NOT_FOUND, "No such show-1"));
        assertThat(CommandRejection.classify(new IncompatibleAggregateException("Booking events", null)))
                .map(CommandRejection::kind)
                .hasValue(Kind.CONFLICT);
    }

    @Test
    void aRefusalCarriedBackFromAHandlerKeepsItsKindInsideAFailedFuture() {
        CommandRejection carried = new CommandRejection(Kind.FORBIDDEN, "not yours");
        CompletionException failed = new CompletionException(new CommandExecutionException("not yours", null, carried));

        assertThat(CommandRejection.classify(failed)).hasValue(carried);
        assertThat(CommandRejection.of(failed)).hasValue(carried);
    }

    @Test
    void aFailedDispatchWithoutDetailsIsClassifiedByItsCause() {
        CommandExecutionException failed =
                new CommandExecutionException("refused", new IllegalStateException("already confirmed"));

        assertThat(CommandRejection.classify(failed))
                .hasValue(new CommandRejection(Kind.CONFLICT, "already confirmed"));
        assertThat(CommandRejection.of(failed)).as("no details were carried").isEmpty();
    }

    @Test
    void aFaultIsNoRefusal() {
        assertThat(CommandRejection.classify(new NullPointerException())).isEmpty();
        assertThat(CommandRejection.classify(new CommandExecutionException("remote fault", null)))
                .isEmpty();
    }
}
