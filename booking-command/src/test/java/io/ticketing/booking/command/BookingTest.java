package io.ticketing.booking.command;

import io.ticketing.booking.command.KnownUsers.Standing;
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
import io.ticketing.coreapi.payment.PaymentRequested;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final UserId stranger = new UserId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");
    private final BookingPlaced placed = new BookingPlaced(bookingId, owner, showId, 2, "tok_visa");
    private final BookingConfirmed confirmed = new BookingConfirmed(bookingId, paymentId, paid);
    private final BookingCancelled cancelled =
            new BookingCancelled(bookingId, showId, owner, "Cannot come", paymentId, paid);
    private final UserId deactivated = new UserId(UUID.randomUUID());
    private final Map<UserId, Standing> knownUsers = Map.of(owner, Standing.ACTIVE, deactivated, Standing.DEACTIVATED);
    private AggregateTestFixture<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource((KnownUsers) user -> knownUsers.getOrDefault(user, Standing.NOT_YET_KNOWN));
    }

    @Test
    void placesABookingForAKnownUser() {
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(bookingId, owner, showId, 2, "tok_visa"))
                .expectEvents(placed)
                .expectResultMessagePayload(BookingStatus.PENDING);
    }

    @Test
    void anIdThatAnotherKindOfAggregateHasCannotBeLoaded() {
        // CommandRejectionInterceptor answers this as a conflict.
        fixture.given(new PaymentRequested(
                        new PaymentId(bookingId.value()), new BookingId(UUID.randomUUID()), paid, "tok_visa"))
                .when(new PlaceBooking(bookingId, owner, showId, 2, "tok_visa"))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
    }

    @Test
    void aUserNotKnownHereYetCannotBookUntilTheirRegistrationArrives() {
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(bookingId, stranger, showId, 2, "tok_visa"))
                .expectException(NotYetKnownException.class)
                .expectNoEvents();
    }

    @Test
    void aDeactivatedUserMayNotBook() {
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(bookingId, deactivated, showId, 2, "tok_visa"))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void refusesTicketCountsOutsideOneToTen() {
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(bookingId, owner, showId, 11, "tok_visa"))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(bookingId, owner, showId, 0, "tok_visa"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aRetriedPlacementIsTheSameBookingAndTellsWhereItStands() {
        fixture.given(placed, confirmed)
                .when(new PlaceBooking(bookingId, owner, showId, 2, "tok_visa"))
                .expectNoEvents()
                .expectResultMessagePayload(BookingStatus.CONFIRMED);
    }

    @Test
    void anotherRequestUnderTheSameIdIsRefused() {
        fixture.given(placed)
                .when(new PlaceBooking(bookingId, owner, showId, 3, "tok_visa"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void confirmsAPendingBooking() {
        fixture.given(placed)
                .when(new ConfirmBooking(bookingId, paymentId, paid))
                .expectEvents(confirmed);
    }

    @Test
    void aRetriedConfirmationChangesNothing() {
        fixture.given(placed, confirmed)
                .when(new ConfirmBooking(bookingId, paymentId, paid))
                .expectNoEvents();
    }

    @Test
    void cannotConfirmARejectedBooking() {
        fixture.given(placed, new BookingRejected(bookingId, "Sold out"))
                .when(new ConfirmBooking(bookingId, paymentId, paid))
                .expectException(IllegalStateException.class);
    }

    @Test
    void rejectsAPendingBookingWithItsReason() {
        fixture.given(placed)
                .when(new RejectBooking(bookingId, "Payment declined"))
                .expectEvents(new BookingRejected(bookingId, "Payment declined"));
    }

    @Test
    void aRetriedRejectionChangesNothing() {
        fixture.given(placed, new BookingRejected(bookingId, "Sold out"))
                .when(new RejectBooking(bookingId, "Sold out"))
                .expectNoEvents();
    }

    @Test
    void cannotRejectAConfirmedBooking() {
        fixture.given(placed, confirmed)
                .when(new RejectBooking(bookingId, "Timed out"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void theOwnerCancelsAConfirmedBookingAndTheRefundIsNamed() {
        fixture.given(placed, confirmed)
                .when(new CancelBooking(bookingId, owner, false, "Cannot come"))
                .expectEvents(cancelled);
    }

    @Test
    void anAdminCancelsAnyBooking() {
        UserId admin = new UserId(UUID.randomUUID());
        fixture.given(placed, confirmed)
                .when(new CancelBooking(bookingId, admin, true, "Show moved"))
                .expectEvents(new BookingCancelled(bookingId, showId, admin, "Show moved", paymentId, paid));
    }

    @Test
    void anotherUserCannotCancel() {
        fixture.given(placed, confirmed)
                .when(new CancelBooking(bookingId, stranger, false, "Mischief"))
                .expectException(NotYourBookingException.class)
                .expectNoEvents();
    }

    @Test
    void cannotCancelABookingWhilePaymentIsUnderWay() {
        fixture.given(placed)
                .when(new CancelBooking(bookingId, owner, false, "Changed my mind"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void cannotCancelARejectedBooking() {
        fixture.given(placed, new BookingRejected(bookingId, "Sold out"))
                .when(new CancelBooking(bookingId, owner, false, "Changed my mind"))
                .expectException(IllegalStateException.class);
    }

    @Test
    void cancellingTwiceChangesNothing() {
        fixture.given(placed, confirmed, cancelled)
                .when(new CancelBooking(bookingId, owner, false, "Cannot come"))
                .expectNoEvents();
    }

    @Test
    void aCancelledBookingIsRefundedOnce() {
        fixture.given(placed, confirmed, cancelled)
                .when(new MarkBookingRefunded(bookingId, paid))
                .expectEvents(new BookingRefunded(bookingId, paid));
        fixture.given(placed, confirmed, cancelled, new BookingRefunded(bookingId, paid))
                .when(new MarkBookingRefunded(bookingId, paid))
                .expectNoEvents();
    }

    @Test
    void cannotRefundABookingThatWasNotCancelled() {
        fixture.given(placed, confirmed)
                .when(new MarkBookingRefunded(bookingId, paid))
                .expectException(IllegalStateException.class);
    }
}
