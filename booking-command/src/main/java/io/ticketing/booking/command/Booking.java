package io.ticketing.booking.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.booking.CancelBooking;
import io.ticketing.coreapi.booking.ConfirmBooking;
import io.ticketing.coreapi.booking.MarkBookingRefunded;
import io.ticketing.coreapi.booking.PlaceBooking;
import io.ticketing.coreapi.booking.RejectBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.NotPermittedException;
import io.ticketing.coreapi.common.NotYetKnownException;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's booking of tickets for a show. PENDING until the saga confirms or rejects it; a CONFIRMED booking can be
 * CANCELLED, and is REFUNDED once its payment is. A command that repeats what already happened changes nothing;
 * any other transition is refused.
 */
@Aggregate(cache = "bookingCache")
public class Booking {

    @AggregateIdentifier
    private BookingId bookingId;

    private UserId owner;
    private ShowId showId;
    private int tickets;
    private BookingStatus status;
    private PaymentId paymentId;
    private Money amountPaid;

    protected Booking() {
        // Axon rebuilds bookings from their events.
    }

    /**
     * Places the booking, or recognises a retry of the request that placed it and tells where it stands now; a
     * different request under the same id is refused.
     *
     * @return where the booking stands: PENDING when just placed, whatever it has become for a retry
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    BookingStatus handle(PlaceBooking command, KnownUsers knownUsers) {
        if (bookingId != null) {
            return retriedAs(command);
        }
        KnownUsers.Standing booker = knownUsers.standingOf(command.userId());
        if (booker == KnownUsers.Standing.NOT_YET_KNOWN) {
            throw new NotYetKnownException("User " + command.userId() + " is not known to the booking service yet");
        }
        if (booker == KnownUsers.Standing.DEACTIVATED) {
            throw new NotPermittedException("User " + command.userId() + " is deactivated");
        }
        if (command.tickets() < 1 || command.tickets() > PlaceBooking.MOST_TICKETS) {
            throw new IllegalArgumentException(
                    "A booking is for 1 to " + PlaceBooking.MOST_TICKETS + " tickets, not " + command.tickets());
        }
        if (command.paymentToken() == null || command.paymentToken().isBlank()) {
            throw new IllegalArgumentException("A booking needs a payment token");
        }
        apply(new BookingPlaced(
                command.bookingId(), command.userId(), command.showId(), command.tickets(), command.paymentToken()));
        return BookingStatus.PENDING;
    }

    private BookingStatus retriedAs(PlaceBooking command) {
        if (!owner.equals(command.userId()) || !showId.equals(command.showId()) || tickets != command.tickets()) {
            throw new IllegalStateException("Booking " + bookingId + " exists with other details");
        }
        return status;
    }

    @CommandHandler
    void handle(ConfirmBooking command) {
        if (status == BookingStatus.CONFIRMED && command.paymentId().equals(paymentId)) {
            return;
        }
        requireStatus(EnumSet.of(BookingStatus.PENDING), "confirmed");
        apply(new BookingConfirmed(bookingId, command.paymentId(), command.amountPaid()));
    }

    @CommandHandler
    void handle(RejectBooking command) {
        if (status == BookingStatus.REJECTED) {
            return;
        }
        requireStatus(EnumSet.of(BookingStatus.PENDING), "rejected");
        apply(new BookingRejected(bookingId, command.reason()));
    }

    @CommandHandler
    void handle(CancelBooking command) {
        if (!command.byAdmin() && !owner.equals(command.cancelledBy())) {
            throw new NotYourBookingException(bookingId);
        }
        if (status == BookingStatus.CANCELLED || status == BookingStatus.REFUNDED) {
            return;
        }
        if (status == BookingStatus.PENDING) {
            throw new IllegalStateException(
                    "Booking " + bookingId + " is still being paid for; cancel it once it " + "is confirmed");
        }
        requireStatus(EnumSet.of(BookingStatus.CONFIRMED), "cancelled");
        apply(new BookingCancelled(bookingId, showId, command.cancelledBy(), command.reason(), paymentId, amountPaid));
    }

    @CommandHandler
    void handle(MarkBookingRefunded command) {
        if (status == BookingStatus.REFUNDED) {
            return;
        }
        requireStatus(EnumSet.of(BookingStatus.CANCELLED), "refunded");
        apply(new BookingRefunded(bookingId, command.amountRefunded()));
    }

    private void requireStatus(Set<BookingStatus> allowed, String transition) {
        if (!allowed.contains(status)) {
            throw new IllegalStateException("Booking " + bookingId + " is " + status + " and cannot be " + transition);
        }
    }

    @EventSourcingHandler
    void on(BookingPlaced event) {
        bookingId = event.bookingId();
        owner = event.userId();
        showId = event.showId();
        tickets = event.tickets();
        status = BookingStatus.after(event);
    }

    @EventSourcingHandler
    void on(BookingConfirmed event) {
        status = BookingStatus.after(event);
        paymentId = event.paymentId();
        amountPaid = event.amountPaid();
    }

    @EventSourcingHandler
    void on(BookingRejected event) {
        status = BookingStatus.after(event);
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        status = BookingStatus.after(event);
    }

    @EventSourcingHandler
    void on(BookingRefunded event) {
        status = BookingStatus.after(event);
    }
}
