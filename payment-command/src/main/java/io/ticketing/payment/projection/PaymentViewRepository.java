package io.ticketing.payment.projection;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Payments by booking, as {@link PaymentsProjection} records them. */
public interface PaymentViewRepository extends JpaRepository<PaymentView, UUID> {

    List<PaymentView> findByBookingIdOrderByRequestedAt(UUID bookingId);
}
