-- Where in the event stream each booking last changed: live dashboards resume from it (SSE Last-Event-ID).
ALTER TABLE booking_view ADD COLUMN last_event_position BIGINT NOT NULL DEFAULT 0;
CREATE INDEX booking_view_last_event_position ON booking_view (last_event_position);

-- Bookings by day and what happened to them that day (UTC).
CREATE TABLE daily_booking_counts (
    day       DATE PRIMARY KEY,
    placed    INTEGER NOT NULL DEFAULT 0,
    confirmed INTEGER NOT NULL DEFAULT 0,
    rejected  INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    refunded  INTEGER NOT NULL DEFAULT 0
);

-- Revenue by day and currency, net of refunds: money never adds up across currencies.
CREATE TABLE daily_revenue (
    day      DATE           NOT NULL,
    currency VARCHAR(3)     NOT NULL,
    amount   NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (day, currency)
);
