package io.ticketing.payment.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BookingOwnerRepository extends JpaRepository<BookingOwner, UUID> {
}
