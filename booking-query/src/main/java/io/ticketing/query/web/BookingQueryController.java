package io.ticketing.query.web;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.query.api.BookingSummary;
import io.ticketing.query.api.FindBooking;
import io.ticketing.query.api.FindShowStats;
import io.ticketing.query.api.ShowStats;
import io.ticketing.support.security.AuthenticatedUser;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api")
class BookingQueryController {

    private final QueryGateway queryGateway;

    BookingQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** One booking, for its owner, an admin or an auditor. */
    @GetMapping("/bookings/{bookingId}")
    CompletableFuture<BookingSummary> booking(@PathVariable UUID bookingId, AuthenticatedUser caller) {
        return queryGateway.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingSummary.class))
                .thenApply(found -> found.orElseThrow(() -> notFound("booking", bookingId)))
                .thenApply(booking -> {
                    if (!caller.mayActFor(new UserId(booking.userId())) && !caller.roles().contains(Role.AUDITOR)) {
                        throw new AccessDeniedException("Booking " + bookingId + " belongs to another user");
                    }
                    return booking;
                });
    }

    @GetMapping("/shows/{showId}/stats")
    CompletableFuture<ShowStats> showStats(@PathVariable UUID showId) {
        return queryGateway.query(new FindShowStats(showId), ResponseTypes.optionalInstanceOf(ShowStats.class))
                .thenApply((Optional<ShowStats> found) -> found.orElseThrow(() -> notFound("show", showId)));
    }

    private static ResponseStatusException notFound(String what, UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
