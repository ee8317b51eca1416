-- A booking platform's history, generated in one statement: users, shows, and bookings that run the whole saga
-- (placed, seats reserved, payment requested and completed, confirmed), one in ten of them declined (payment
-- declined, booking rejected, seats released). Each aggregate's sequence numbers count up from 0 in global order.
-- Parameters: users, shows, bookings, the first booking's time, the time between two bookings.
WITH p AS (
    SELECT ?::int AS users, ?::int AS shows, ?::int AS bookings, ?::timestamptz AS first_at, ?::interval AS spacing,
           json_build_object('amount', 10.00, 'currency', 'EUR') AS price
), users AS (
    SELECT u AS n, md5('user' || u)::uuid AS user_id, p.first_at AS at
    FROM p, generate_series(1, p.users) AS u
), shows AS (
    SELECT p.users + s AS n, s, md5('show' || s)::uuid AS show_id, p.first_at AS at,
           p.bookings / p.shows + 1 AS capacity
    FROM p, generate_series(1, p.shows) AS s
), bookings AS (
    SELECT p.users + p.shows + b AS n, b, p.first_at + b * p.spacing AS at, b % 10 = 0 AS declined,
           md5('booking' || b)::uuid AS booking_id, md5('payment' || b)::uuid AS payment_id,
           md5('user' || (1 + b % p.users))::uuid AS user_id, md5('show' || (1 + b % p.shows))::uuid AS show_id,
           p.bookings / p.shows - b / p.shows AS seats_left, p.price
    FROM p, generate_series(1, p.bookings) AS b
), events AS (
    SELECT users.n, step.*, users.at, users.user_id AS flow
    FROM users CROSS JOIN LATERAL (VALUES
        (1, users.user_id, 'User', 'io.ticketing.coreapi.user.UserRegistered', json_build_object(
            'userId', json_build_object('value', users.user_id), 'email', 'user' || users.n || '@bench.example.com',
            'fullName', 'Bench User ' || users.n, 'role', 'USER')),
        (2, users.user_id, 'User', 'io.ticketing.coreapi.user.UserCredentialsSet', json_build_object(
            'userId', json_build_object('value', users.user_id), 'passwordHash', '$2a$10$generated.not.a.real.hash'))
    ) AS step(step, aggregate_id, aggregate_type, payload_type, payload)
    UNION ALL
    SELECT shows.n, 1, shows.show_id, 'Show', 'io.ticketing.coreapi.show.ShowCreated', json_build_object(
            'showId', json_build_object('value', shows.show_id), 'name', 'Bench show ' || shows.s,
            'venue', 'Bench Hall', 'startsAt', '2030-01-01T20:00:00Z', 'capacity', shows.capacity,
            'ticketPrice', p.price),
           shows.at, shows.show_id
    FROM shows, p
    UNION ALL
    SELECT bookings.n, step.*, bookings.at, bookings.booking_id
    FROM bookings CROSS JOIN LATERAL (VALUES
        (1, bookings.booking_id, 'Booking', 'io.ticketing.coreapi.booking.BookingPlaced', json_build_object(
            'bookingId', json_build_object('value', bookings.booking_id),
            'userId', json_build_object('value', bookings.user_id),
            'showId', json_build_object('value', bookings.show_id), 'tickets', 1,
            'paymentToken', CASE WHEN bookings.declined THEN 'tok_declined' ELSE 'tok_visa' END)),
        (2, bookings.show_id, 'Show', 'io.ticketing.coreapi.show.SeatsReserved', json_build_object(
            'showId', json_build_object('value', bookings.show_id),
            'bookingId', json_build_object('value', bookings.booking_id), 'seats', 1,
            'totalPrice', bookings.price, 'seatsLeft', bookings.seats_left)),
        (3, bookings.payment_id, 'Payment', 'io.ticketing.coreapi.payment.PaymentRequested', json_build_object(
            'paymentId', json_build_object('value', bookings.payment_id),
            'bookingId', json_build_object('value', bookings.booking_id), 'amount', bookings.price,
            'paymentToken', CASE WHEN bookings.declined THEN 'tok_declined' ELSE 'tok_visa' END)),
        (4, bookings.payment_id, 'Payment', CASE WHEN bookings.declined
            THEN 'io.ticketing.coreapi.payment.PaymentDeclined' ELSE 'io.ticketing.coreapi.payment.PaymentCompleted' END,
            CASE WHEN bookings.declined
            THEN json_build_object('paymentId', json_build_object('value', bookings.payment_id),
                'bookingId', json_build_object('value', bookings.booking_id), 'reason', 'Card declined by the issuer')
            ELSE json_build_object('paymentId', json_build_object('value', bookings.payment_id),
                'bookingId', json_build_object('value', bookings.booking_id), 'amount', bookings.price,
                'gatewayTransactionId', 'sim_' || bookings.b) END),
        (5, bookings.booking_id, 'Booking', CASE WHEN bookings.declined
            THEN 'io.ticketing.coreapi.booking.BookingRejected' ELSE 'io.ticketing.coreapi.booking.BookingConfirmed' END,
            CASE WHEN bookings.declined
            THEN json_build_object('bookingId', json_build_object('value', bookings.booking_id),
                'reason', 'Card declined by the issuer')
            ELSE json_build_object('bookingId', json_build_object('value', bookings.booking_id),
                'paymentId', json_build_object('value', bookings.payment_id), 'amountPaid', bookings.price) END),
        (6, bookings.show_id, 'Show', 'io.ticketing.coreapi.show.SeatsReleased', json_build_object(
            'showId', json_build_object('value', bookings.show_id),
            'bookingId', json_build_object('value', bookings.booking_id), 'seats', 1,
            'seatsLeft', bookings.seats_left + 1, 'reason', 'Card declined by the issuer'))
    ) AS step(step, aggregate_id, aggregate_type, payload_type, payload)
    WHERE step.step < 6 OR bookings.declined
)
INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadtype, timestamp)
SELECT aggregate_id::text, row_number() OVER (PARTITION BY aggregate_id ORDER BY n, step) - 1, aggregate_type,
       gen_random_uuid()::text,
       convert_to(json_build_object('traceId', flow, 'correlationId', flow, 'causationId', flow)::text, 'UTF8'),
       convert_to(payload::text, 'UTF8'), payload_type,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM events
ORDER BY n, step
