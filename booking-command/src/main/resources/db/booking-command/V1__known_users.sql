-- The users this service knows of, built from user events: bookings are checked against it without calling the
-- user service.
CREATE TABLE known_user (
    user_id UUID PRIMARY KEY,
    email   VARCHAR(320) NOT NULL,
    active  BOOLEAN      NOT NULL
);
