package io.ticketing.user.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "email_claim")
class EmailClaim {

    @Id
    private String email;

    private UUID userId;

    protected EmailClaim() {
    }

    EmailClaim(String email, UUID userId) {
        this.email = email;
        this.userId = userId;
    }

    boolean isHeldBy(UUID user) {
        return userId.equals(user);
    }
}
