package io.ticketing.booking.projection;

import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.privacy.PersonalData;
import io.ticketing.support.persistence.ColumnText;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "known_user")
public class KnownUser {

    @Id
    private UUID userId;

    private String email;

    private boolean active;

    protected KnownUser() {}

    KnownUser(UUID userId, String email) {
        this.userId = userId;
        this.email = ColumnText.fit(email, TextLimits.EMAIL);
        this.active = true;
    }

    void emailChanged(String newEmail) {
        email = ColumnText.fit(newEmail, TextLimits.EMAIL);
    }

    void deactivated() {
        active = false;
    }

    void erased() {
        email = PersonalData.ERASED;
        active = false;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public boolean isActive() {
        return active;
    }
}
