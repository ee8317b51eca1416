package io.ticketing.booking.command;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.show.CreateShow;
import io.ticketing.coreapi.show.ReleaseSeats;
import io.ticketing.coreapi.show.ReserveSeats;
import io.ticketing.coreapi.show.SeatsReleased;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.SeatsUnavailable;
import io.ticketing.coreapi.show.ShowCreated;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShowTest {

    private static final Instant OPENING_NIGHT = Instant.parse("2027-03-01T19:30:00Z");
    private static final Money TICKET = Money.of("25.00", "EUR");

    private final ShowId hamlet = new ShowId(UUID.randomUUID());
    private final BookingId first = new BookingId(UUID.randomUUID());
    private final BookingId second = new BookingId(UUID.randomUUID());
    private final ShowCreated tenSeats = new ShowCreated(hamlet, "Hamlet", "Globe", OPENING_NIGHT, 10, TICKET);
    private AggregateTestFixture<Show> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Show.class);
    }

    @Test
    void createsAShow() {
        fixture.givenNoPriorActivity()
                .when(new CreateShow(hamlet, " Hamlet ", "Globe", OPENING_NIGHT, 10, TICKET))
                .expectEvents(tenSeats);
    }

    @Test
    void cannotCreateAShowWithoutSeatsOrAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateShow(hamlet, "Hamlet", "Globe", OPENING_NIGHT, 0, TICKET))
                .expectException(IllegalArgumentException.class);
        fixture.givenNoPriorActivity()
                .when(new CreateShow(hamlet, " ", "Globe", OPENING_NIGHT, 10, TICKET))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void ticketsAreNeverFree() {
        fixture.givenNoPriorActivity()
                .when(new CreateShow(hamlet, "Hamlet", "Globe", OPENING_NIGHT, 10, Money.of("0", "EUR")))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void reservesSeatsAtTheShowsPrice() {
        fixture.given(tenSeats)
                .when(new ReserveSeats(hamlet, first, 4))
                .expectEvents(new SeatsReserved(hamlet, first, 4, Money.of("100.00", "EUR"), 6));
    }

    @Test
    void refusesMoreSeatsThanAreLeftWithAReason() {
        fixture.given(tenSeats, new SeatsReserved(hamlet, first, 8, TICKET.times(8), 2))
                .when(new ReserveSeats(hamlet, second, 3))
                .expectEvents(new SeatsUnavailable(hamlet, second, 3, 2, "Only 2 seats left"));
    }

    @Test
    void aSoldOutShowSaysSo() {
        fixture.given(tenSeats, new SeatsReserved(hamlet, first, 10, TICKET.times(10), 0))
                .when(new ReserveSeats(hamlet, second, 1))
                .expectEvents(new SeatsUnavailable(hamlet, second, 1, 0, "Sold out"));
    }

    @Test
    void aRetriedReservationHoldsNoMoreSeats() {
        fixture.given(tenSeats, new SeatsReserved(hamlet, first, 4, TICKET.times(4), 6))
                .when(new ReserveSeats(hamlet, first, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRefusedReservationStaysRefusedWhenRetried() {
        fixture.given(tenSeats, new SeatsUnavailable(hamlet, first, 11, 10, "Only 10 seats left"))
                .when(new ReserveSeats(hamlet, first, 11))
                .expectNoEvents();
    }

    @Test
    void cannotReserveNoSeats() {
        fixture.given(tenSeats)
                .when(new ReserveSeats(hamlet, first, 0))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void releasesABookingsSeats() {
        fixture.given(tenSeats, new SeatsReserved(hamlet, first, 4, TICKET.times(4), 6))
                .when(new ReleaseSeats(hamlet, first, "Payment declined"))
                .expectEvents(new SeatsReleased(hamlet, first, 4, 10, "Payment declined"));
    }

    @Test
    void releasingTwiceOrWhatWasNeverHeldChangesNothing() {
        fixture.given(
                        tenSeats,
                        new SeatsReserved(hamlet, first, 4, TICKET.times(4), 6),
                        new SeatsReleased(hamlet, first, 4, 10, "Payment declined"))
                .when(new ReleaseSeats(hamlet, first, "Payment declined"))
                .expectNoEvents();
        fixture.given(tenSeats)
                .when(new ReleaseSeats(hamlet, second, "Cancelled"))
                .expectNoEvents();
    }

    @Test
    void aReleasedBookingCannotTakeSeatsAgain() {
        fixture.given(
                        tenSeats,
                        new SeatsReserved(hamlet, first, 4, TICKET.times(4), 6),
                        new SeatsReleased(hamlet, first, 4, 10, "Timed out"))
                .when(new ReserveSeats(hamlet, first, 4))
                .expectNoEvents();
    }
}
