package io.ticketing.payment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.coreapi.booking.BookingPlaced;
import io.ticketing.coreapi.common.BookingId;
import io.ticketing.coreapi.common.Money;
import io.ticketing.coreapi.common.PaymentId;
import io.ticketing.coreapi.common.ShowId;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.PaymentCancelled;
import io.ticketing.coreapi.payment.PaymentCompleted;
import io.ticketing.coreapi.payment.PaymentDeclined;
import io.ticketing.coreapi.payment.PaymentRefunded;
import io.ticketing.coreapi.payment.PaymentRequested;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.support.test.EventFeed;
import io.ticketing.support.test.ProjectionTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

@ProjectionTest
@Import(PaymentsProjection.class)
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/payment-command")
class PaymentsProjectionTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = REQUESTED_AT.plusSeconds(3);
    private static final Money AMOUNT = Money.of("50.00", "EUR");

    @Autowired
    private PaymentsProjection projection;

    @Autowired
    private PaymentViewRepository payments;

    @Autowired
    private BookingOwnerRepository owners;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private final BookingId bookingId = new BookingId(UUID.randomUUID());
    private final PaymentId paymentId = new PaymentId(UUID.randomUUID());
    private EventFeed feed;

    @BeforeEach
    void setUp() {
        feed = new EventFeed(projection, transactionManager);
    }

    @Test
    void aBookingsOwnerIsLearnedFromItsPlacement() {
        UserId owner = new UserId(UUID.randomUUID());

        feed.deliver(REQUESTED_AT, new BookingPlaced(bookingId, owner, new ShowId(UUID.randomUUID()), 2, "tok_visa"));

        assertThat(owners.findById(bookingId.value()))
                .hasValueSatisfying(booking -> assertThat(booking.userId()).isEqualTo(owner.value()));
    }

    @Test
    void aRequestedPaymentIsOnRecordForItsBookingFromTheTimeItWasRequested() {
        feed.deliver(REQUESTED_AT, requested(paymentId));

        PaymentView payment = payment();
        assertThat(payment.getBookingId()).isEqualTo(bookingId.value());
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(payment.getAmount()).isEqualByComparingTo("50.00");
        assertThat(payment.getCurrency()).isEqualTo("EUR");
        assertThat(payment.getRequestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(payment.getUpdatedAt()).isEqualTo(REQUESTED_AT);
    }

    @Test
    void aCompletedPaymentKeepsTheGatewaysTransaction() {
        feed.deliver(REQUESTED_AT, requested(paymentId));
        feed.deliver(LATER, new PaymentCompleted(paymentId, bookingId, AMOUNT, "txn-42"));

        assertThat(payment().getStatus()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment().getGatewayTransactionId()).isEqualTo("txn-42");
        assertThat(payment().getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aDeclinedPaymentSaysWhy() {
        feed.deliver(REQUESTED_AT, requested(paymentId));
        feed.deliver(LATER, new PaymentDeclined(paymentId, bookingId, "Insufficient funds"));

        assertThat(payment().getStatus()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment().getReason()).isEqualTo("Insufficient funds");
    }

    @Test
    void aCancelledPaymentSaysWhy() {
        feed.deliver(REQUESTED_AT, requested(paymentId));
        feed.deliver(LATER, new PaymentCancelled(paymentId, bookingId, "Seats unavailable"));

        assertThat(payment().getStatus()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment().getReason()).isEqualTo("Seats unavailable");
    }

    @Test
    void aRefundedPaymentSaysHowMuchWasRefundedAndWhy() {
        feed.deliver(REQUESTED_AT, requested(paymentId));
        feed.deliver(
                LATER,
                new PaymentCompleted(paymentId, bookingId, AMOUNT, "txn-42"),
                new PaymentRefunded(paymentId, bookingId, AMOUNT, "Booking cancelled"));

        assertThat(payment().getStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment().getAmountRefunded()).isEqualByComparingTo("50.00");
        assertThat(payment().getReason()).isEqualTo("Booking cancelled");
        assertThat(payment().getGatewayTransactionId()).isEqualTo("txn-42");
    }

    @Test
    void aBookingsPaymentsAreListedInTheOrderTheyWereRequested() {
        PaymentId retry = new PaymentId(UUID.randomUUID());
        feed.deliver(LATER, requested(retry));
        feed.deliver(REQUESTED_AT, requested(paymentId));

        assertThat(payments.findByBookingIdOrderByRequestedAt(bookingId.value()))
                .extracting(PaymentView::getPaymentId)
                .containsExactly(paymentId.value(), retry.value());
    }

    @Test
    void newsOfAPaymentNeverRequestedAddsNoPayment() {
        feed.deliver(
                LATER,
                new PaymentCompleted(paymentId, bookingId, AMOUNT, "txn-42"),
                new PaymentDeclined(paymentId, bookingId, "Declined"));

        assertThat(payments.findById(paymentId.value())).isEmpty();
    }

    @Test
    void aRequestDeliveredAgainLeavesThePaymentWhereItHasGotTo() {
        List<TrackedEventMessage<?>> request = feed.deliver(REQUESTED_AT, requested(paymentId));
        feed.deliver(LATER, new PaymentCompleted(paymentId, bookingId, AMOUNT, "txn-42"));

        feed.deliver(request);

        assertThat(payment().getStatus()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment().getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aPlacementDeliveredAgainLeavesOneOwner() {
        UserId owner = new UserId(UUID.randomUUID());
        List<TrackedEventMessage<?>> placement = feed.deliver(
                REQUESTED_AT, new BookingPlaced(bookingId, owner, new ShowId(UUID.randomUUID()), 2, "tok_visa"));

        feed.deliver(placement);

        assertThat(owners.findById(bookingId.value()))
                .hasValueSatisfying(booking -> assertThat(booking.userId()).isEqualTo(owner.value()));
    }

    private PaymentRequested requested(PaymentId id) {
        return new PaymentRequested(id, bookingId, AMOUNT, "tok_visa");
    }

    private PaymentView payment() {
        return payments.findById(paymentId.value()).orElseThrow();
    }
}
