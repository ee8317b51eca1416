-- The dashboards' bookings grow by a row a booking, so autovacuum analyses them often on a young platform under load,
-- from 300 rows per unit of the table's largest statistics target: 30,000 at PostgreSQL's default of 100, 3,000 with
-- 10 (a third of the work). They are read by booking, by user, and a thousand at a time in the order of their change
-- positions, and counted by status: ten buckets serve those as well as a hundred (docs/benchmarks.md, twenty-fourth
-- and twenty-fifth rounds, as for the event store). A rebuild of the dashboards carries these targets over to the
-- tables it builds (DashboardRebuild).
ALTER TABLE booking_view
    ALTER COLUMN booking_id SET STATISTICS 10,
    ALTER COLUMN user_id SET STATISTICS 10,
    ALTER COLUMN user_email SET STATISTICS 10,
    ALTER COLUMN show_id SET STATISTICS 10,
    ALTER COLUMN show_name SET STATISTICS 10,
    ALTER COLUMN tickets SET STATISTICS 10,
    ALTER COLUMN amount SET STATISTICS 10,
    ALTER COLUMN currency SET STATISTICS 10,
    ALTER COLUMN status SET STATISTICS 10,
    ALTER COLUMN reason SET STATISTICS 10,
    ALTER COLUMN placed_at SET STATISTICS 10,
    ALTER COLUMN updated_at SET STATISTICS 10,
    ALTER COLUMN last_event_position SET STATISTICS 10;
