-- The operations view lists sagas by state, in the order they started: an index in that order serves each page of
-- it. A saga's steps change its step, deadline, error and time of change, none of them indexed now, so PostgreSQL
-- rewrites the row within its page and leaves the indexes alone (a HOT update) for all but the step that ends it.
-- Indexed by the time of change, every step added an entry to each of the table's three indexes.
DROP INDEX saga_instance_active_updated;
CREATE INDEX saga_instance_active_started ON saga_instance (active, started_at);
-- A HOT update needs room in the row's page. Under a backlog the sagas started since fill that page before a saga
-- takes its next step, so each page keeps a fifth of its room for the steps of the sagas it holds.
ALTER TABLE saga_instance SET (fillfactor = 80);
