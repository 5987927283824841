-- The leaders' scorecard and case lists read every report of their period (a year: about 1,000,000
-- of a national 11,000,000). From the table, PostgreSQL read the whole table for them, or the
-- period's rows one by one through report_submitted (V8), which had the period alone
-- (docs/BENCHMARKS.md, Queues and audit). This index holds the period and every column they count,
-- sort and filter on, so both are index-only scans of the period; it takes report_submitted's place.
-- Keep INCLUDE in step with ScorecardQuery and AuditCaseQuery: a column missing here sends them
-- back to the table (ScorecardQueryPlanTest and AuditCaseQueryPlanTest fail).
-- Building it blocks writes to the report table (13 s for 11,000,000 reports on the benchmark's
-- machine, maintenance_work_mem at 1 GB): on a big table, build it beforehand with CREATE INDEX
-- CONCURRENTLY and the same definition (README, Running on PostgreSQL); this script then finds it.
CREATE INDEX IF NOT EXISTS report_audit ON report (submitted_at)
  INCLUDE (unit_id, ineligible, published_at, sla_outcome, due_at, rating, handling_seconds, escalation_level,
           extended, closed_at, id, category, ward_code);

-- A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would take as built.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'report_audit'::regclass AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index report_audit is invalid (a failed CREATE INDEX CONCURRENTLY): drop it and build it again';
  END IF;
END $$;

DROP INDEX IF EXISTS report_submitted;

-- An index-only scan reads the table for every page changed since that page was last vacuumed: so
-- that this year's pages, the ones that change, are read from the index, vacuum the report table
-- after 1% of its rows changed or were added rather than PostgreSQL's default 20%.
ALTER TABLE report SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
