-- The operations view of saga instances: one row a saga, written by the saga in the same transaction as its state.
CREATE TABLE saga_instance (
    saga_id     VARCHAR(255) PRIMARY KEY,
    saga_type   VARCHAR(100) NOT NULL,
    booking_id  UUID         NOT NULL,
    step        VARCHAR(40)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    deadline_at TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(1000),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saga_instance_booking ON saga_instance (booking_id);
CREATE INDEX saga_instance_active_updated ON saga_instance (active, updated_at);
