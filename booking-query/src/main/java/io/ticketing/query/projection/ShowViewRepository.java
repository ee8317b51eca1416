package io.ticketing.query.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShowViewRepository extends JpaRepository<ShowView, UUID> {}
