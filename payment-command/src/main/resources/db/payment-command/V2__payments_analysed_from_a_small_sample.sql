-- Both tables grow by a row a booking, so autovacuum analyses them often on a young platform under load, from 300
-- rows per unit of a table's largest statistics target: 30,000 at PostgreSQL's default of 100, 3,000 with 10 (a
-- third of the work or less). They are read by payment and by booking, which ten buckets serve as well as a hundred
-- (docs/benchmarks.md, twenty-fourth round, as for the event store).
ALTER TABLE booking_owner
    ALTER COLUMN booking_id SET STATISTICS 10,
    ALTER COLUMN user_id SET STATISTICS 10;
ALTER TABLE payment_view
    ALTER COLUMN payment_id SET STATISTICS 10,
    ALTER COLUMN booking_id SET STATISTICS 10,
    ALTER COLUMN amount SET STATISTICS 10,
    ALTER COLUMN currency SET STATISTICS 10,
    ALTER COLUMN status SET STATISTICS 10,
    ALTER COLUMN gateway_transaction_id SET STATISTICS 10,
    ALTER COLUMN reason SET STATISTICS 10,
    ALTER COLUMN amount_refunded SET STATISTICS 10,
    ALTER COLUMN requested_at SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10;
