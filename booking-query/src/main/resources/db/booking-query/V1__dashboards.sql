-- Read models for dashboards. Every table is rebuilt from the event stream by replaying its processing group.
CREATE TABLE user_contact (
    user_id UUID PRIMARY KEY,
    email   VARCHAR(320) NOT NULL
);

CREATE TABLE show_view (
    show_id     UUID PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    venue       VARCHAR(200)   NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity    INTEGER        NOT NULL,
    seats_left  INTEGER        NOT NULL,
    ticket_price NUMERIC(19, 4) NOT NULL,
    currency    VARCHAR(3)     NOT NULL,
    revenue     NUMERIC(19, 4) NOT NULL
);

CREATE TABLE booking_view (
    booking_id UUID PRIMARY KEY,
    user_id    UUID         NOT NULL,
    user_email VARCHAR(320),
    show_id    UUID         NOT NULL,
    show_name  VARCHAR(200),
    tickets    INTEGER      NOT NULL,
    amount     NUMERIC(19, 4),
    currency   VARCHAR(3),
    status     VARCHAR(20)  NOT NULL,
    reason     VARCHAR(500),
    placed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX booking_view_user ON booking_view (user_id, placed_at);
CREATE INDEX booking_view_show ON booking_view (show_id, placed_at);
CREATE INDEX booking_view_status ON booking_view (status, placed_at);
