-- Autovacuum analyses a table each time a tenth more rows arrived, from a sample of 300 rows per unit of the largest
-- statistics target among its columns: 30,000 rows at PostgreSQL's default of 100. A young event store under load is
-- due at every visit of autovacuum, once a minute. At 150,000 events one analysis read for 0.4 s of a core, which
-- autovacuum's throttling spread over 1.2 s while bookings waited behind it (docs/benchmarks.md, twenty-fourth
-- round). Events are read by position, by aggregate and by time range, which a histogram of ten buckets serves as
-- well as one of a hundred: with 10, the sample is 3,000 rows and an analysis a fifth of the work.
ALTER TABLE domainevententry
    ALTER COLUMN globalindex SET STATISTICS 10,
    ALTER COLUMN aggregateidentifier SET STATISTICS 10,
    ALTER COLUMN sequencenumber SET STATISTICS 10,
    ALTER COLUMN type SET STATISTICS 10,
    ALTER COLUMN eventidentifier SET STATISTICS 10,
    ALTER COLUMN metadata SET STATISTICS 10,
    ALTER COLUMN payload SET STATISTICS 10,
    ALTER COLUMN payloadrevision SET STATISTICS 10,
    ALTER COLUMN payloadtype SET STATISTICS 10,
    ALTER COLUMN timestamp SET STATISTICS 10;
