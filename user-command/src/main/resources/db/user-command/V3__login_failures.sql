-- Failed logins, and registrations of addresses that already have an account, counted per throttle key (a SHA-256
-- digest of an account, a client address or both; never the address itself), so that every instance of the user
-- service throttles alike. A key's window starts at its first failure; rows whose window has ended are deleted.
CREATE TABLE login_failure (
    throttle_key      VARCHAR(100) PRIMARY KEY,
    window_started_at TIMESTAMPTZ  NOT NULL,
    failures          INTEGER      NOT NULL
);
CREATE INDEX login_failure_window_started_at ON login_failure (window_started_at);
