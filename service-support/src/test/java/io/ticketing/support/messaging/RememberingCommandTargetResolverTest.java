package io.ticketing.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketing.coreapi.booking.PlaceBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.CompletePayment;
import io.ticketing.coreapi.show.ReserveSeats;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class RememberingCommandTargetResolverTest {

    private final RememberingCommandTargetResolver resolver = new RememberingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons =
            AnnotationCommandTargetResolver.builder().build();

    record Rename(
            @TargetAggregateIdentifier String showId,
            @TargetAggregateVersion long expectedVersion) {}

    record RenameByText(
            @TargetAggregateIdentifier String showId,
            @TargetAggregateVersion String expectedVersion) {}

    @TargetAggregateIdentifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface ShowKey {}

    record Reschedule(@ShowKey String showId) {}

    record Announce(String text) {}

    @Test
    void theCommandsOfThePlatformAreResolvedAsAxonResolvesThem() {
        List<Object> commands = List.of(
                new PlaceBooking(
                        new BookingId(UUID.randomUUID()),
                        new UserId(UUID.randomUUID()),
                        new ShowId(UUID.randomUUID()),
                        2,
                        "tok_visa"),
                new ReserveSeats(new ShowId(UUID.randomUUID()), new BookingId(UUID.randomUUID()), 2),
                new CompletePayment(new PaymentId(UUID.randomUUID()), "gw-1"),
                new Rename("show-1", 7),
                new RenameByText("show-1", "8"),
                new Reschedule("show-2"));

        for (Object command : commands) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
            assertThat(resolver.resolveTarget(message))
                    .as(command.getClass().getSimpleName())
                    .isEqualTo(axons.resolveTarget(message));
        }
    }

    @Test
    void eachCommandOfATypeIsReadForItsOwnValues() {
        BookingId first = new BookingId(UUID.randomUUID());
        BookingId second = new BookingId(UUID.randomUUID());

        assertThat(resolver.resolveTarget(place(first)).getIdentifierValue()).isEqualTo(first);
        assertThat(resolver.resolveTarget(place(second)).getIdentifierValue()).isEqualTo(second);
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Rename("show-1", 3)))
                        .getVersion())
                .isEqualTo(3L);
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Rename("show-1", 4)))
                        .getVersion())
                .isEqualTo(4L);
    }

    @Test
    void aCommandThatNamesNoAggregateIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Announce("hi"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Announce]")
                .hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Reschedule(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Reschedule]");
    }

    private static CommandMessage<?> place(BookingId booking) {
        return GenericCommandMessage.asCommandMessage(
                new PlaceBooking(booking, new UserId(UUID.randomUUID()), new ShowId(UUID.randomUUID()), 1, "tok_visa"));
    }
}
