package io.ticketing.coreapi.privacy;

import io.ticketing.coreapi.common.UserId;

/**
 * A user's personal-data key: 256 bits for AES-GCM; none when the user was erased (the key is destroyed) or was
 * registered before personal data was encrypted.
 */
public record DataSubjectKey(UserId subject, byte[] secret, boolean erased) {}
