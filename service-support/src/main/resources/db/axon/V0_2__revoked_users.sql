-- The users whose tokens this service refuses: deactivated or erased. Every service keeps its own copy, filled from
-- the user events by the revoked-users processor; a user never comes back from either, so rows are only added.

CREATE TABLE revoked_user (
    user_id    UUID        NOT NULL PRIMARY KEY,
    revoked_at TIMESTAMPTZ NOT NULL
);
