-- Each index of the associations now leads with the column its statements name a single row or saga by. The saga's
-- connections plan without whole-table scans (saga-coordinator.yml), and on a nearly empty table left by a busy hour
-- the planner's costs no longer tell the indexes apart: it then scanned the saga index for the saga type, the
-- leading column of the lookup index, and read every association of that type (docs/benchmarks.md).
DROP INDEX association_lookup;
DROP INDEX association_of_saga;
CREATE INDEX association_lookup ON associationvalueentry (associationvalue, associationkey, sagatype);
CREATE INDEX association_of_saga ON associationvalueentry (sagaid);
