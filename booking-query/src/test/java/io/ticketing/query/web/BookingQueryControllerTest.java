package io.ticketing.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.query.api.BookingPage;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.FindBooking;
import io.ticketing.query.api.FindBookings;
import io.ticketing.support.test.PlatformWebMvcTest;
import io.ticketing.support.test.Tokens;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformWebMvcTest(BookingQueryController.class)
class BookingQueryControllerTest {

    private final UserId owner = new UserId(UUID.randomUUID());
    private final UUID bookingId = UUID.randomUUID();
    private final BookingSummary booking = ConfirmedBookings.confirmed(bookingId, owner, 42);

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private QueryGateway queryGateway;

    @Test
    void aPageOrADateTheDatabaseCannotTakeIsRefusedNamingTheParameter() {
        assertThat(mvc.get().uri("/api/bookings").param("page", "2147483647").with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("page");
        assertThat(mvc.get()
                        .uri("/api/bookings")
                        .param("from", "+999999999-01-01T00:00:00Z")
                        .with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("from");
        verifyNoInteractions(queryGateway);
    }

    @Test
    void theOwnerAnAdminAndAnAuditorSeeABookingAnotherUserDoesNot() {
        when(queryGateway.query(eq(new FindBooking(bookingId)), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(booking)));

        assertThat(mvc.get().uri("/api/bookings/{id}", bookingId).with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CONFIRMED");
        assertThat(mvc.get().uri("/api/bookings/{id}", bookingId).with(Tokens.as(someone(), Role.ADMIN)))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/bookings/{id}", bookingId).with(Tokens.as(someone(), Role.AUDITOR)))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/bookings/{id}", bookingId).with(Tokens.as(someone(), Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownBookingIsNotFound() {
        when(queryGateway.query(any(FindBooking.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        assertThat(mvc.get().uri("/api/bookings/{id}", UUID.randomUUID()).with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void waitingIsBounded() {
        assertThat(mvc.get().uri("/api/bookings/{id}?wait=PT31S", bookingId).with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("at most PT30S");
    }

    @Test
    void aUserListsOnlyTheirOwnBookings() {
        when(queryGateway.query(any(FindBookings.class), eq(BookingPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new BookingPage(List.of(booking), 0, 20, 1)));

        assertThat(mvc.get().uri("/api/bookings?status=CONFIRMED").with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.totalItems")
                .isEqualTo(1);

        ArgumentCaptor<FindBookings> sent = ArgumentCaptor.forClass(FindBookings.class);
        verify(queryGateway).query(sent.capture(), eq(BookingPage.class));
        assertThat(sent.getValue().userId()).isEqualTo(owner.value());
        assertThat(sent.getValue().status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void aUserCannotListSomeoneElsesBookings() {
        assertThat(mvc.get().uri("/api/bookings?userId={id}", someone().value()).with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN);

        verify(queryGateway, never()).query(any(FindBookings.class), eq(BookingPage.class));
    }

    @Test
    void anAdminListsAnyonesBookingsByPageWithinLimits() {
        when(queryGateway.query(any(FindBookings.class), eq(BookingPage.class)))
                .thenReturn(CompletableFuture.completedFuture(new BookingPage(List.of(), 1, 50, 0)));

        assertThat(mvc.get()
                        .uri("/api/bookings?userId={id}&page=1&size=50&from=2026-11-01T00:00:00Z", owner.value())
                        .with(Tokens.as(someone(), Role.ADMIN)))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/bookings?size=1000").with(Tokens.as(someone(), Role.ADMIN)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyAdminsAndAuditorsSeeTheDashboardSummary() {
        assertThat(mvc.get().uri("/api/dashboard/summary").with(Tokens.as(owner, Role.USER)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private static UserId someone() {
        return new UserId(UUID.randomUUID());
    }
}
