package io.ticketing.query.projection;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface BookingViewRepository extends JpaRepository<BookingView, UUID>, JpaSpecificationExecutor<BookingView> {

    List<BookingView> findTop1000ByLastEventPositionGreaterThanOrderByLastEventPosition(long position);

    List<BookingView> findByUserId(UUID userId);

    List<BookingView> findTop1000ByUserIdAndLastEventPositionGreaterThanOrderByLastEventPosition(
            UUID userId, long position);

    @Query("SELECT b.status, count(b) FROM BookingView b GROUP BY b.status")
    List<Object[]> countByStatus();
}
