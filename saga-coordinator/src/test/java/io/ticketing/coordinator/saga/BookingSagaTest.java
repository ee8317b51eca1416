package io.ticketing.coordinator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.booking.BookingConfirmed;
import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.booking.ConfirmBooking;
import io.ticketing.coreapi.booking.RejectBooking;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.CancelPayment;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.RequestPayment;
import io.ticketing.coreapi.payment.TimeOutPayment;
import io.ticketing.coreapi.show.ReleaseSeats;
import io.ticketing.coreapi.show.ReserveSeats;
import io.ticketing.coreapi.show.SeatsReserved;
import io.ticketing.coreapi.show.SeatsUnavailable;
import io.ticketing.support.messaging.CommandRejection;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingSagaTest {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SAFETY_NET = PAYMENT_TIMEOUT.multipliedBy(2);

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final ShowId showId = new ShowId(UUID.randomUUID());
    private final PaymentId paymentId = BookingSaga.paymentIdFor(bookingId);
    private final Money price = Money.of("50.00", "EUR");
    private final BookingPlaced placed =
            new BookingPlaced(bookingId, new UserId(UUID.randomUUID()), showId, 2, "tok_visa");
    private final SeatsReserved reserved = new SeatsReserved(showId, bookingId, 2, price, 98);
    private final RecordingJournal journal = new RecordingJournal();
    private SagaTestFixture<BookingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingSaga.class);
        fixture.registerResource(journal);
        fixture.registerResource(new SagaSettings(PAYMENT_TIMEOUT, Duration.ofMinutes(2)));
    }

    @Test
    void aPlacedBookingFirstReservesItsSeats() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed)
                .expectActiveSagas(1)
                .expectAssociationWith("bookingId", bookingId)
                .expectDispatchedCommands(new ReserveSeats(showId, bookingId, 2));
    }

    @Test
    void reservedSeatsAreChargedAtTheShowsPriceWithAPaymentDeadline() {
        fixture.givenAPublished(placed)
                .whenPublishingA(reserved)
                .expectDispatchedCommands(new RequestPayment(paymentId, bookingId, price, "tok_visa"))
                .expectScheduledDeadlineWithName(SAFETY_NET, BookingSaga.PAYMENT_DEADLINE);
    }

    @Test
    void thePaymentsEventsFindTheSagaByTheBookingTheyName() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(new PaymentCompleted(paymentId, bookingId, price, "tx-1"))
                .expectAssociationWith("bookingId", bookingId)
                .expectNoAssociationWith("paymentId", paymentId)
                .expectDispatchedCommands(new ConfirmBooking(bookingId, paymentId, price));
    }

    @Test
    void theSamePaymentIdIsDerivedEveryTime() {
        assertThat(BookingSaga.paymentIdFor(bookingId))
                .isEqualTo(BookingSaga.paymentIdFor(bookingId))
                .isNotEqualTo(BookingSaga.paymentIdFor(new BookingId(UUID.randomUUID())));
    }

    @Test
    void aCompletedPaymentConfirmsTheBookingAndCancelsTheDeadline() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(new PaymentCompleted(paymentId, bookingId, price, "tx-1"))
                .expectDispatchedCommands(new ConfirmBooking(bookingId, paymentId, price))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theConfirmedBookingEndsTheSaga() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .andThenAPublished(new PaymentCompleted(paymentId, bookingId, price, "tx-1"))
                .whenPublishingA(new BookingConfirmed(bookingId, paymentId, price))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void unavailableSeatsRejectTheBookingWithTheShowsReasonAndEndTheSaga() {
        fixture.givenAPublished(placed)
                .whenPublishingA(new SeatsUnavailable(showId, bookingId, 2, 0, "Sold out"))
                .expectDispatchedCommands(new RejectBooking(bookingId, "Sold out"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void anUnknownShowRejectsTheBooking() {
        reservationsRefused(CommandRejection.Kind.NOT_FOUND, "No such show");

        // The reservation is dispatched without waiting; its refusal comes back to the saga as a deadline due at once.
        fixture.givenAPublished(placed)
                .whenTimeElapses(Duration.ZERO)
                .expectTriggeredDeadlinesWithName(CommandFailure.DEADLINE_NAME)
                .expectDispatchedCommands(new RejectBooking(bookingId, "The show does not exist"))
                .expectActiveSagas(0);
    }

    @Test
    void aReservationThatFailsOtherwiseStaysOnRecordForAnOperator() {
        reservationsRefused(CommandRejection.Kind.CONFLICT, "Not now");

        fixture.givenAPublished(placed)
                .whenTimeElapses(Duration.ZERO)
                .expectTriggeredDeadlinesWithName(CommandFailure.DEADLINE_NAME)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        assertThat(journal.entries).last().isEqualTo("failed ReserveSeats failed: Not now");
    }

    @Test
    void aDeclinedPaymentRejectsTheBookingAndReleasesTheSeats() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(new PaymentDeclined(paymentId, bookingId, "Card declined"))
                .expectDispatchedCommands(
                        new RejectBooking(bookingId, "Card declined"),
                        new CancelPayment(paymentId, "Card declined"),
                        new ReleaseSeats(showId, bookingId, "Card declined"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aPaymentTimedOutByThePaymentServiceRejectsTheBookingAndReleasesTheSeats() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(new PaymentCancelled(paymentId, bookingId, "Payment timed out"))
                .expectDispatchedCommands(
                        new RejectBooking(bookingId, "Payment timed out"),
                        new CancelPayment(paymentId, "Payment timed out"),
                        new ReleaseSeats(showId, bookingId, "Payment timed out"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void theSafetyNetOnlyAsksThePaymentToTimeOut() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenTimeElapses(SAFETY_NET.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(BookingSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(new TimeOutPayment(paymentId, "Payment timed out"))
                .expectActiveSagas(1);
    }

    @Test
    void anApprovalThatWaitedInTheBacklogPastTheSafetyNetStillConfirms() throws Exception {
        // The payment refused the timeout (it was approved first); its approval reaches the saga afterwards.
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .andThenTimeElapses(SAFETY_NET.plusSeconds(1))
                .whenPublishingA(new PaymentCompleted(paymentId, bookingId, price, "tx-1"))
                .expectDispatchedCommands(new ConfirmBooking(bookingId, paymentId, price));
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(reserved)
                .expectNoDispatchedCommands();
        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .andThenAPublished(new PaymentDeclined(paymentId, bookingId, "Card declined"))
                .whenPublishingA(new PaymentDeclined(paymentId, bookingId, "Card declined"))
                .expectNoDispatchedCommands();
    }

    @Test
    void aCompensationThatFailsHalfwayWaitsForARetry() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReleaseSeats) {
                throw new IllegalStateException("booking-command is unreachable");
            }
            return null;
        });

        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenPublishingA(new PaymentDeclined(paymentId, bookingId, "Card declined"))
                .expectActiveSagas(1);
        assertThat(journal.entries).last().asString().startsWith("failed ReleaseSeats failed");
    }

    @Test
    void aCommandThatKeepsFailingLeavesTheSagaWaitingWithItsFailureOnRecord() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RequestPayment) {
                throw new IllegalStateException("payment-command is unreachable");
            }
            return null;
        });

        fixture.givenAPublished(placed)
                .andThenAPublished(reserved)
                .whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(SAFETY_NET, BookingSaga.PAYMENT_DEADLINE);
        assertThat(journal.entries)
                .containsSubsequence(
                        "started BookingSaga RESERVING_SEATS",
                        "moved AWAITING_PAYMENT until deadline",
                        "failed RequestPayment failed: java.lang.IllegalStateException: payment-command is unreachable");
    }

    private void reservationsRefused(CommandRejection.Kind kind, String reason) {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveSeats) {
                throw new CommandExecutionException(reason, null, new CommandRejection(kind, reason));
            }
            return null;
        });
    }
}
