package io.ticketing.coreapi.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingStatusTest {

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final UserId owner = new UserId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private final Money paid = Money.of("50.00", "EUR");

    private final BookingPlaced placed = new BookingPlaced(bookingId, owner, showId, 2, "tok_visa");
    private final BookingConfirmed confirmed = new BookingConfirmed(bookingId, paymentId, paid);
    private final BookingRejected rejected = new BookingRejected(bookingId, "Sold out");
    private final BookingCancelled cancelled =
            new BookingCancelled(bookingId, showId, owner, "Cannot come", paymentId, paid);
    private final BookingRefunded refunded = new BookingRefunded(bookingId, paid);

    @Test
    void eachEventOfABookingsLifeLeavesItInTheStatusNamedForIt() {
        assertThat(BookingStatus.after(placed)).isEqualTo(BookingStatus.PENDING);
        assertThat(BookingStatus.after(confirmed)).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(BookingStatus.after(rejected)).isEqualTo(BookingStatus.REJECTED);
        assertThat(BookingStatus.after(cancelled)).isEqualTo(BookingStatus.CANCELLED);
        assertThat(BookingStatus.after(refunded)).isEqualTo(BookingStatus.REFUNDED);
    }

    @Test
    void everyKindOfBookingEventReachesAStatusNoOtherKindReaches() {
        List<BookingEvent> oneOfEachKind = List.of(placed, confirmed, rejected, cancelled, refunded);

        assertThat(oneOfEachKind)
                .extracting(Object::getClass)
                .containsExactlyInAnyOrder(BookingEvent.class.getPermittedSubclasses());
        assertThat(oneOfEachKind).extracting(BookingStatus::after).containsExactlyInAnyOrder(BookingStatus.values());
    }
}
