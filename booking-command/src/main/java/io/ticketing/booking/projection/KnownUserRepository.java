package io.ticketing.booking.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownUserRepository extends JpaRepository<KnownUser, UUID> {}
