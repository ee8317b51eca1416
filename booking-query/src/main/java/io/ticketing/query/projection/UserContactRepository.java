package io.ticketing.query.projection;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserContactRepository extends JpaRepository<UserContact, UUID> {
    /** Loads what {@code findAllById} would, with a plan Hibernate keeps ({@link DashboardProjection#prefetchFor}). */
    @Query(value = "SELECT * FROM user_contact WHERE user_id = ANY(?1)", nativeQuery = true)
    List<UserContact> findAllAmong(UUID[] ids);
}
