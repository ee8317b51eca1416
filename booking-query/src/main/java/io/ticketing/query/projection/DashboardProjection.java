package io.ticketing.query.projection;

import io.ticketing.coreapi.booking.BookingCancelled;
import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.BookingRefunded;
import io.ticketing.coreapi.booking.BookingRejected;
import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.show.SeatsReleased;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.ShowCreated;
import io.ticketing.coreapi.user.UserEmailChanged;
import io.ticketing.coreapi.user.UserRegistered;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.FindBooking;
import io.ticketing.query.api.FindShowStats;
import io.ticketing.query.api.ShowStats;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Bookings and shows as dashboards show them. The tables and this processor's token share one database and one
 * transaction, so an event is applied exactly once even when it is delivered again: totals may simply add up.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
class DashboardProjection {

    static final String PROCESSING_GROUP = "dashboards";

    private final UserContactRepository contacts;
    private final ShowViewRepository shows;
    private final BookingViewRepository bookings;

    DashboardProjection(UserContactRepository contacts, ShowViewRepository shows, BookingViewRepository bookings) {
        this.contacts = contacts;
        this.shows = shows;
        this.bookings = bookings;
    }

    @EventHandler
    void on(UserRegistered event) {
        contacts.save(new UserContact(event.userId().value(), event.email()));
    }

    @EventHandler
    void on(UserEmailChanged event) {
        contacts.findById(event.userId().value()).ifPresent(contact -> contact.emailChanged(event.email()));
    }

    @EventHandler
    void on(ShowCreated event) {
        shows.save(new ShowView(event.showId().value(), event.name(), event.venue(), event.startsAt(),
                event.capacity(), event.ticketPrice().amount(), event.ticketPrice().currency().getCurrencyCode()));
    }

    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant at) {
        String email = contacts.findById(event.userId().value()).map(UserContact::email).orElse(null);
        String showName = shows.findById(event.showId().value()).map(ShowView::name).orElse(null);
        bookings.save(new BookingView(event.bookingId().value(), event.userId().value(), email,
                event.showId().value(), showName, event.tickets(), at));
    }

    @EventHandler
    void on(SeatsReserved event, @Timestamp Instant at) {
        show(event.showId().value(), show -> show.seatsChanged(event.seatsLeft()));
        booking(event.bookingId().value(), booking -> booking.priced(event.totalPrice().amount(),
                event.totalPrice().currency().getCurrencyCode(), at));
    }

    @EventHandler
    void on(SeatsReleased event) {
        show(event.showId().value(), show -> show.seatsChanged(event.seatsLeft()));
    }

    @EventHandler
    void on(BookingConfirmed event, @Timestamp Instant at) {
        booking(event.bookingId().value(), booking -> {
            booking.moved(BookingStatus.CONFIRMED, null, at);
            show(booking.showId(), show -> show.paid(event.amountPaid().amount()));
        });
    }

    @EventHandler
    void on(BookingRejected event, @Timestamp Instant at) {
        booking(event.bookingId().value(), booking -> booking.moved(BookingStatus.REJECTED, event.reason(), at));
    }

    @EventHandler
    void on(BookingCancelled event, @Timestamp Instant at) {
        booking(event.bookingId().value(), booking -> booking.moved(BookingStatus.CANCELLED, event.reason(), at));
    }

    @EventHandler
    void on(BookingRefunded event, @Timestamp Instant at) {
        booking(event.bookingId().value(), booking -> {
            booking.moved(BookingStatus.REFUNDED, "Refunded " + event.amountRefunded(), at);
            show(booking.showId(), show -> show.refunded(event.amountRefunded().amount()));
        });
    }

    @ResetHandler
    void forgetEverything() {
        bookings.deleteAllInBatch();
        shows.deleteAllInBatch();
        contacts.deleteAllInBatch();
    }

    @QueryHandler
    Optional<BookingSummary> handle(FindBooking query) {
        return bookings.findById(query.bookingId()).map(BookingView::summary);
    }

    @QueryHandler
    Optional<ShowStats> handle(FindShowStats query) {
        return shows.findById(query.showId()).map(ShowView::stats);
    }

    private void show(UUID showId, Consumer<ShowView> change) {
        shows.findById(showId).ifPresent(change);
    }

    private void booking(UUID bookingId, Consumer<BookingView> change) {
        bookings.findById(bookingId).ifPresent(change);
    }
}
