package io.ticketing.booking.command;

import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.booking.PlaceBooking;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Places bookings. A booking's id is chosen at the edge, so a retried request arrives as the same command: it
 * finds its booking already placed and changes nothing.
 */
@Component
public class BookingPlacement {

    private final Repository<Booking> bookings;
    private final KnownUsers knownUsers;

    public BookingPlacement(Repository<Booking> bookings, KnownUsers knownUsers) {
        this.bookings = bookings;
        this.knownUsers = knownUsers;
    }

    /** @return where the booking stands: PENDING when just placed, whatever it has become for a retry */
    @CommandHandler
    public BookingStatus handle(PlaceBooking command) throws Exception {
        try {
            return bookings.load(command.bookingId().toString()).invoke(booking -> booking.retriedAs(command));
        } catch (AggregateNotFoundException newBooking) {
            if (!knownUsers.isActive(command.userId())) {
                throw new SecurityException("User " + command.userId() + " is unknown here or deactivated");
            }
            bookings.newInstance(() -> new Booking(command));
            return BookingStatus.PENDING;
        }
    }
}
