package io.ticketing.coreapi.privacy;

import io.ticketing.coreapi.common.UserId;

/** The key that encrypts a user's {@link PersonalData}, answered by the user service, which alone keeps keys. */
public record FindDataSubjectKey(UserId subject) {}
