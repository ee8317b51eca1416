-- The set of email addresses in use, kept in the same transaction as the command that claims one: the set-based
-- check that an event-sourced aggregate cannot make alone.
CREATE TABLE email_claim (
    email   VARCHAR(320) PRIMARY KEY,
    user_id UUID NOT NULL
);
CREATE INDEX email_claim_user ON email_claim (user_id);
