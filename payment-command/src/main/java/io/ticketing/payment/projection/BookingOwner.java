package io.ticketing.payment.projection;

import io.ticketing.support.persistence.ProjectionRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "booking_owner")
public class BookingOwner extends ProjectionRow {

    @Id
    private UUID bookingId;
    private UUID userId;

    protected BookingOwner() {
    }

    @Override
    public UUID getId() {
        return bookingId;
    }

    BookingOwner(UUID bookingId, UUID userId) {
        this.bookingId = bookingId;
        this.userId = userId;
    }

    public UUID userId() {
        return userId;
    }
}
