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

    protected BookingOwner() {}

    public UUID userId() {
        return userId;
    }
}
