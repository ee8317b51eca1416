package io.ticketing.payment.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "booking_owner")
public class BookingOwner {

    @Id
    private UUID bookingId;
    private UUID userId;

    protected BookingOwner() {
    }

    BookingOwner(UUID bookingId, UUID userId) {
        this.bookingId = bookingId;
        this.userId = userId;
    }

    public UUID userId() {
        return userId;
    }
}
