package io.ticketing.query.web;

import io.ticketing.coreapi.booking.BookingStatus;
import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.query.api.BookingPage;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.DashboardSummary;
import io.ticketing.query.api.FindBooking;
import io.ticketing.query.api.FindBookings;
import io.ticketing.query.api.FindDashboardSummary;
import io.ticketing.query.api.FindShowStats;
import io.ticketing.query.api.ShowStats;
import io.ticketing.support.security.AuthenticatedUser;
import io.ticketing.support.validation.StorableInstant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api")
class BookingQueryController {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** Beyond this, page × size no longer fits the row offset the database is asked for. */
    static final int MOST_PAGES = 1_000_000;

    private final QueryGateway queryGateway;

    BookingQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * One booking, for its owner, an admin or an auditor. With {@code wait} (up to 30 s), a booking the read model
     * does not have yet is waited for: a client that just placed it reads its own write instead of polling. The
     * subscription is made before the read, so a change in between is not missed.
     */
    @GetMapping("/bookings/{bookingId}")
    CompletableFuture<BookingSummary> booking(
            @PathVariable UUID bookingId, @RequestParam(required = false) Duration wait, AuthenticatedUser caller) {
        Duration patience = wait == null ? Duration.ZERO : wait;
        if (patience.isNegative() || patience.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("wait is at most " + LONGEST_WAIT + ", not " + patience);
        }
        CompletableFuture<Optional<BookingSummary>> found = patience.isZero()
                ? queryGateway.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingSummary.class))
                : firstFound(bookingId, patience);
        return found.thenApply(booking -> booking.orElseThrow(() -> notFound("booking", bookingId)))
                .thenApply(booking -> visibleTo(caller, booking));
    }

    /** Bookings, newest first; a user sees only their own, admins and auditors see all. */
    @GetMapping("/bookings")
    CompletableFuture<BookingPage> bookings(
            @RequestParam(required = false) BookingStatus status,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) UUID showId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant
                    Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant
                    Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MOST_PAGES) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            AuthenticatedUser caller) {
        UUID owner = seesEverything(caller) ? userId : caller.id().value();
        if (userId != null && !userId.equals(owner)) {
            throw new AccessDeniedException("Only admins and auditors see other users' bookings");
        }
        return queryGateway.query(new FindBookings(status, owner, showId, from, to, page, size), BookingPage.class);
    }

    @GetMapping("/shows/{showId}/stats")
    CompletableFuture<ShowStats> showStats(@PathVariable UUID showId) {
        return queryGateway
                .query(new FindShowStats(showId), ResponseTypes.optionalInstanceOf(ShowStats.class))
                .thenApply(found -> found.orElseThrow(() -> notFound("show", showId)));
    }

    @GetMapping("/dashboard/summary")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    CompletableFuture<DashboardSummary> summary(@RequestParam(defaultValue = "14") @Min(1) @Max(366) int days) {
        return queryGateway.query(new FindDashboardSummary(days), DashboardSummary.class);
    }

    private CompletableFuture<Optional<BookingSummary>> firstFound(UUID bookingId, Duration patience) {
        SubscriptionQueryResult<Optional<BookingSummary>, BookingSummary> subscription = queryGateway.subscriptionQuery(
                new FindBooking(bookingId),
                ResponseTypes.optionalInstanceOf(BookingSummary.class),
                ResponseTypes.instanceOf(BookingSummary.class));
        return subscription
                .initialResult()
                .flatMap(initial -> initial.isPresent()
                        ? Mono.just(initial)
                        : subscription.updates().next().map(Optional::of))
                .timeout(patience, Mono.just(Optional.empty()))
                .doFinally(signal -> subscription.cancel())
                .toFuture();
    }

    private static BookingSummary visibleTo(AuthenticatedUser caller, BookingSummary booking) {
        if (!seesEverything(caller) && !caller.mayActFor(new UserId(booking.userId()))) {
            throw new AccessDeniedException("Booking " + booking.bookingId() + " belongs to another user");
        }
        return booking;
    }

    static boolean seesEverything(AuthenticatedUser caller) {
        return caller.isAdmin() || caller.roles().contains(Role.AUDITOR);
    }

    private static ResponseStatusException notFound(String what, UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
