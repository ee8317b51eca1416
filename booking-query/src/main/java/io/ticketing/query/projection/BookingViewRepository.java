package io.ticketing.query.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BookingViewRepository extends JpaRepository<BookingView, UUID> {
}
