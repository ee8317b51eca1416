package io.ticketing.user.persistence;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.user.Role;
import io.ticketing.user.command.EmailAlreadyInUseException;
import io.ticketing.user.command.UserDirectory;
import io.ticketing.user.privacy.PersonalDataKeys;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

@Component
class JpaUserDirectory implements UserDirectory {

    private final UserAccountRepository accounts;
    private final CredentialStore credentials;
    private final PersonalDataKeys personalDataKeys;

    JpaUserDirectory(UserAccountRepository accounts, CredentialStore credentials, PersonalDataKeys personalDataKeys) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.personalDataKeys = personalDataKeys;
    }

    @Override
    public void add(UserId userId, String email, Role role) {
        requireFree(email, userId);
        saveAndFlush(new UserAccount(userId.value(), email, role));
    }

    @Override
    public void changeEmail(UserId userId, String email) {
        requireFree(email, userId);
        UserAccount account = accounts.findById(userId.value()).orElseThrow();
        account.emailChanged(email);
        saveAndFlush(account);
    }

    @Override
    public void deactivate(UserId userId) {
        accounts.findById(userId.value()).ifPresent(UserAccount::deactivated);
    }

    @Override
    public void erase(UserId userId) {
        accounts.findById(userId.value()).ifPresent(UserAccount::erased);
        credentials.forget(userId);
        personalDataKeys.destroyFor(userId);
    }

    private void requireFree(String email, UserId claimant) {
        accounts.findByEmail(email)
                .filter(holder -> !holder.userId().equals(claimant.value()))
                .ifPresent(holder -> {
                    throw new EmailAlreadyInUseException();
                });
    }

    /** Flushes now, so that a concurrent claim of the same address fails inside the command rather than at commit. */
    private void saveAndFlush(UserAccount account) {
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raceLost) {
            throw new EmailAlreadyInUseException();
        }
    }
}
