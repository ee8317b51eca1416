-- Payments by booking, for the booking's owner and admins; and who owns each booking, learned from booking events.
CREATE TABLE booking_owner (
    booking_id UUID PRIMARY KEY,
    user_id    UUID NOT NULL
);

CREATE TABLE payment_view (
    payment_id             UUID PRIMARY KEY,
    booking_id             UUID           NOT NULL,
    amount                 NUMERIC(19, 4) NOT NULL,
    currency               VARCHAR(3)     NOT NULL,
    status                 VARCHAR(20)    NOT NULL,
    gateway_transaction_id VARCHAR(100),
    reason                 VARCHAR(500),
    amount_refunded        NUMERIC(19, 4),
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_view_booking ON payment_view (booking_id);
