package io.ticketing.support.security;

/**
 * What the user service writes into the access tokens it signs, and every service reads from them. A token is
 * accepted only as the user service's access token: one naming another issuer, or none, is refused even when a key
 * the user service publishes signed it.
 */
public final class PlatformTokens {

    public static final String ISSUER = "booking-platform-user-service";

    /** The names of the user's {@link io.ticketing.coreapi.user.Role}s. */
    public static final String ROLES_CLAIM = "roles";

    private PlatformTokens() {}
}
