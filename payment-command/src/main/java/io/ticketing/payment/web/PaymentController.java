package io.ticketing.payment.web;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.payment.projection.BookingOwner;
import io.ticketing.payment.projection.BookingOwnerRepository;
import io.ticketing.payment.projection.PaymentView;
import io.ticketing.payment.projection.PaymentViewRepository;
import io.ticketing.support.security.AuthenticatedUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentViewRepository payments;
    private final BookingOwnerRepository owners;

    PaymentController(PaymentViewRepository payments, BookingOwnerRepository owners) {
        this.payments = payments;
        this.owners = owners;
    }

    /** A booking's payments, oldest first, for the booking's owner or an admin. */
    @GetMapping
    List<PaymentView> byBooking(@RequestParam UUID bookingId, AuthenticatedUser caller) {
        Optional<UUID> owner = owners.findById(bookingId).map(BookingOwner::userId);
        if (owner.isEmpty() && !caller.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No booking " + bookingId);
        }
        if (owner.isPresent() && !caller.mayActFor(new UserId(owner.get()))) {
            throw new AccessDeniedException("Booking " + bookingId + " belongs to another user");
        }
        return payments.findByBookingIdOrderByRequestedAt(bookingId);
    }
}
