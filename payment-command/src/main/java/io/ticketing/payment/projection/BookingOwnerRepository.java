package io.ticketing.payment.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Who owns each booking, as {@link PaymentsProjection} learns it. */
public interface BookingOwnerRepository extends JpaRepository<BookingOwner, UUID> {}
