package io.ticketing.query.projection;

import io.ticketing.coreapi.common.TextLimits;
import io.ticketing.coreapi.privacy.PersonalData;
import io.ticketing.support.persistence.ColumnText;
import io.ticketing.support.persistence.ProjectionRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "user_contact")
class UserContact extends ProjectionRow {

    @Id
    private UUID userId;

    private String email;

    protected UserContact() {}

    @Override
    public UUID getId() {
        return userId;
    }

    UserContact(UUID userId, String email) {
        this.userId = userId;
        this.email = ColumnText.fit(email, TextLimits.EMAIL);
    }

    void emailChanged(String newEmail) {
        email = ColumnText.fit(newEmail, TextLimits.EMAIL);
    }

    void erased() {
        email = PersonalData.ERASED;
    }

    String email() {
        return email;
    }
}
