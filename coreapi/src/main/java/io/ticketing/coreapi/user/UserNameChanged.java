package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import io.ticketing.coreapi.privacy.DataSubject;
import io.ticketing.coreapi.privacy.PersonalData;

public record UserNameChanged(
        @DataSubject UserId userId, @PersonalData String fullName) {}
