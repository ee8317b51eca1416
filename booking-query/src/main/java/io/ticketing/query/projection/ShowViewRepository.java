package io.ticketing.query.projection;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ShowViewRepository extends JpaRepository<ShowView, UUID> {
    /** Loads what {@code findAllById} would, with a plan Hibernate keeps ({@link DashboardProjection#prefetchFor}). */
    @Query(value = "SELECT * FROM show_view WHERE show_id = ANY(?1)", nativeQuery = true)
    List<ShowView> findAllAmong(UUID[] ids);
}
