package io.ticketing.booking.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.show.CreateShow;
import io.ticketing.coreapi.show.ReleaseSeats;
import io.ticketing.coreapi.show.ReserveSeats;
import io.ticketing.coreapi.show.SeatsReleased;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.SeatsUnavailable;
import io.ticketing.coreapi.show.ShowCreated;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A show on sale and its seats. Every reservation is one booking's, so a retried reservation or release is
 * recognised and changes nothing; seats left never drop below zero nor rise above capacity.
 */
@Aggregate(snapshotTriggerDefinition = "showSnapshotTrigger", cache = "showCache")
public class Show {

    @AggregateIdentifier
    private ShowId showId;

    private Money ticketPrice;
    private int seatsLeft;
    /** Seats held, by booking. */
    private Map<UUID, Integer> reservations = new HashMap<>();
    /** Bookings whose reservation was refused or released: their story with this show is over. */
    private Set<UUID> settledBookings = new HashSet<>();

    protected Show() {
        // Axon rebuilds shows from their events or a snapshot.
    }

    @CommandHandler
    public Show(CreateShow command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new IllegalArgumentException("A show needs a name");
        }
        if (command.venue() == null || command.venue().isBlank()) {
            throw new IllegalArgumentException("A show needs a venue");
        }
        if (command.capacity() < 1 || command.capacity() > CreateShow.MOST_SEATS) {
            throw new IllegalArgumentException(
                    "A show seats 1 to " + CreateShow.MOST_SEATS + " people, not " + command.capacity());
        }
        if (command.startsAt() == null || command.ticketPrice() == null) {
            throw new IllegalArgumentException("A show needs a start time and a ticket price");
        }
        if (command.ticketPrice().amount().signum() == 0) {
            throw new IllegalArgumentException("Tickets cost something: every booking is paid for");
        }
        apply(new ShowCreated(
                command.showId(),
                command.name().strip(),
                command.venue().strip(),
                command.startsAt(),
                command.capacity(),
                command.ticketPrice()));
    }

    @CommandHandler
    void handle(ReserveSeats command) {
        if (command.seats() < 1) {
            throw new IllegalArgumentException("A reservation holds at least one seat");
        }
        UUID booking = command.bookingId().value();
        if (reservations.containsKey(booking) || settledBookings.contains(booking)) {
            return;
        }
        if (command.seats() > seatsLeft) {
            apply(new SeatsUnavailable(
                    showId,
                    command.bookingId(),
                    command.seats(),
                    seatsLeft,
                    seatsLeft == 0 ? "Sold out" : "Only " + seatsLeft + " seats left"));
        } else {
            apply(new SeatsReserved(
                    showId,
                    command.bookingId(),
                    command.seats(),
                    ticketPrice.times(command.seats()),
                    seatsLeft - command.seats()));
        }
    }

    @CommandHandler
    void handle(ReleaseSeats command) {
        Integer held = reservations.get(command.bookingId().value());
        if (held != null) {
            apply(new SeatsReleased(showId, command.bookingId(), held, seatsLeft + held, command.reason()));
        }
    }

    @EventSourcingHandler
    void on(ShowCreated event) {
        showId = event.showId();
        ticketPrice = event.ticketPrice();
        seatsLeft = event.capacity();
    }

    @EventSourcingHandler
    void on(SeatsReserved event) {
        reservations.put(event.bookingId().value(), event.seats());
        seatsLeft = event.seatsLeft();
    }

    @EventSourcingHandler
    void on(SeatsUnavailable event) {
        settledBookings.add(event.bookingId().value());
    }

    @EventSourcingHandler
    void on(SeatsReleased event) {
        reservations.remove(event.bookingId().value());
        settledBookings.add(event.bookingId().value());
        seatsLeft = event.seatsLeft();
    }
}
