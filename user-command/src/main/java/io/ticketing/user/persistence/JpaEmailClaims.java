package io.ticketing.user.persistence;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.user.command.EmailAlreadyInUseException;
import io.ticketing.user.command.EmailClaims;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.springframework.stereotype.Component;

@Component
class JpaEmailClaims implements EmailClaims {

    private final EntityManager entityManager;

    JpaEmailClaims(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void claim(String email, UserId userId) {
        EmailClaim existing = entityManager.find(EmailClaim.class, email, LockModeType.PESSIMISTIC_READ);
        if (existing != null) {
            if (!existing.isHeldBy(userId.value())) {
                throw new EmailAlreadyInUseException(email);
            }
            return;
        }
        try {
            entityManager.persist(new EmailClaim(email, userId.value()));
            // A concurrent claim of the same address must fail here, inside the command, not at commit.
            entityManager.flush();
        } catch (PersistenceException raceLost) {
            throw new EmailAlreadyInUseException(email);
        }
    }
}
