package io.ticketing.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.payment.PaymentStatus;
import io.ticketing.coreapi.user.Role;
import io.ticketing.payment.projection.BookingOwner;
import io.ticketing.payment.projection.BookingOwnerRepository;
import io.ticketing.payment.projection.PaymentView;
import io.ticketing.payment.projection.PaymentViewRepository;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(PaymentController.class)
class PaymentControllerTest {

    private final UserId owner = new UserId(UUID.randomUUID());
    private final UUID bookingId = UUID.randomUUID();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private PaymentViewRepository payments;

    @MockitoBean
    private BookingOwnerRepository owners;

    @BeforeEach
    void aCompletedPayment() {
        BookingOwner bookingOwner = mock(BookingOwner.class);
        when(bookingOwner.userId()).thenReturn(owner.value());
        when(owners.findById(bookingId)).thenReturn(Optional.of(bookingOwner));
        PaymentView payment = mock(PaymentView.class);
        when(payment.getBookingId()).thenReturn(bookingId);
        when(payment.getAmount()).thenReturn(new BigDecimal("50.00"));
        when(payment.getStatus()).thenReturn(PaymentStatus.COMPLETED);
        when(payments.findByBookingIdOrderByRequestedAt(bookingId)).thenReturn(List.of(payment));
    }

    @Test
    void theOwnerSeesTheBookingsPayments() {
        assertThat(mvc.get().uri("/api/payments?bookingId={id}", bookingId).with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[0].status")
                .isEqualTo("COMPLETED");
    }

    @Test
    void anAdminSeesAnyBookingsPayments() {
        assertThat(mvc.get()
                        .uri("/api/payments?bookingId={id}", bookingId)
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.ADMIN)))
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void anotherUserMayNot() {
        assertThat(mvc.get()
                        .uri("/api/payments?bookingId={id}", bookingId)
                        .with(Tokens.as(new UserId(UUID.randomUUID()), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownBookingIsNotFound() {
        assertThat(mvc.get()
                        .uri("/api/payments?bookingId={id}", UUID.randomUUID())
                        .with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMalformedBookingIdIsABadRequest() {
        assertThat(mvc.get().uri("/api/payments?bookingId=not-a-uuid").with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
