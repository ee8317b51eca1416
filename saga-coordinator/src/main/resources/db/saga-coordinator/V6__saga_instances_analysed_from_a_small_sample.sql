-- The journal grows by a row a booking, so autovacuum analyses it often on a young platform under load, from 300
-- rows per unit of its largest statistics target: 30,000 at PostgreSQL's default of 100, 3,000 with 10 (a third of
-- the work). It is read by saga, by booking and by (active, updated_at), which ten buckets serve as well as a
-- hundred (docs/benchmarks.md, twenty-fourth round, as for the event store).
ALTER TABLE saga_instance
    ALTER COLUMN saga_id SET STATISTICS 10,
    ALTER COLUMN saga_type SET STATISTICS 10,
    ALTER COLUMN booking_id SET STATISTICS 10,
    ALTER COLUMN step SET STATISTICS 10,
    ALTER COLUMN active SET STATISTICS 10,
    ALTER COLUMN deadline_at SET STATISTICS 10,
    ALTER COLUMN last_error SET STATISTICS 10,
    ALTER COLUMN started_at SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10;
