package io.ticketing.query.projection;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserContactRepository extends JpaRepository<UserContact, UUID> {}
