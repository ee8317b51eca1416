-- The user service's directory: one row a user, written in the same transaction as the command that changes it.
-- It is the set-based check an event-sourced aggregate cannot make alone (one account an email address), and what
-- logins are checked against.
CREATE TABLE user_account (
    user_id       UUID PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    CONSTRAINT user_account_email UNIQUE (email)
);
