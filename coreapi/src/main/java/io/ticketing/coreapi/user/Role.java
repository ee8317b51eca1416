package io.ticketing.coreapi.user;

/** What a user may do: book for themselves, audit every stream, or administer the platform. */
public enum Role {
    USER,
    AUDITOR,
    ADMIN
}
