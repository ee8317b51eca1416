package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubject;
import io.ticketing.coreapi.privacy.PersonalData;

public record UserRegistered(
        @DataSubject UserId userId,
        @PersonalData String email,
        @PersonalData String fullName,
        Role role) {}
