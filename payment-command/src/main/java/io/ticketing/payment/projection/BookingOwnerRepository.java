package io.ticketing.payment.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface BookingOwnerRepository extends JpaRepository<BookingOwner, UUID> {

    /** A booking's owner on record, unless it is already (its placement was delivered again): one statement. */
    @Modifying
    @Query(
            value = "INSERT INTO booking_owner (booking_id, user_id) VALUES (:bookingId, :userId) "
                    + "ON CONFLICT (booking_id) DO NOTHING",
            nativeQuery = true)
    void recordOwner(UUID bookingId, UUID userId);
}
