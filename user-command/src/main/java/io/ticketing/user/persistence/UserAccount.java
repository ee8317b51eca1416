package io.ticketing.user.persistence;

import io.ticketing.coreapi.user.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    private UUID userId;

    private String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean active;

    protected UserAccount() {}

    UserAccount(UUID userId, String email, Role role) {
        this.userId = userId;
        this.email = email;
        this.role = role;
        this.active = true;
    }

    void emailChanged(String newEmail) {
        email = newEmail;
    }

    void deactivated() {
        active = false;
    }

    /** Keeps the id taken and lets the address go: nobody can log in as an erased user, anyone may use the address. */
    void erased() {
        email = null;
        active = false;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public boolean isActive() {
        return active;
    }
}
