-- Credentials leave the event stream: the password hash lives here alone, written before the registration is sent.
CREATE TABLE user_credential (
    user_id       UUID PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL
);
INSERT INTO user_credential (user_id, password_hash) SELECT user_id, password_hash FROM user_account;
ALTER TABLE user_account DROP COLUMN password_hash;
-- An erased user keeps their row (their id stays taken) without an address, so that the address is free again.
ALTER TABLE user_account ALTER COLUMN email DROP NOT NULL;

-- Each user's key for the personal data in their events (AES-256-GCM). Erasure destroys the secret and keeps the
-- row as a tombstone, so that a key is never issued again for an erased user and values stored in clear before
-- encryption began read as erased too.
CREATE TABLE personal_data_key (
    user_id    UUID PRIMARY KEY,
    secret     BYTEA,
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at  TIMESTAMPTZ,
    CONSTRAINT personal_data_key_erased_has_no_secret CHECK ((secret IS NULL) = (erased_at IS NOT NULL))
);
