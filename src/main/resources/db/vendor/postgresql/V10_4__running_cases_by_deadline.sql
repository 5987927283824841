-- The audit's case lists show running cases first, by deadline (AuditCaseQuery). Through report_audit
-- (V10_2) the first page of a year's overdue list sorted all of the year's overdue cases, 519,000
-- nationally, to show 50 (docs/BENCHMARKS.md, Queues and audit). Running reports alone, in deadline
-- order, give that page from the first entries. Partial: a closed report leaves it, so it holds the
-- running reports only (115 MB with the benchmark's 1,000,000 running reports). Keep INCLUDE in
-- step with the lists' filters; AuditCaseQueryPlanTest checks that the page of running cases reads
-- this index alone. On a big table, build it beforehand with CREATE INDEX CONCURRENTLY, as
-- report_audit (README, Running on PostgreSQL).
CREATE INDEX IF NOT EXISTS report_running_by_deadline ON report (due_at, id)
  INCLUDE (submitted_at, unit_id, ineligible, published_at, sla_outcome, escalation_level, extended, category,
           ward_code)
  WHERE closed_at IS NULL;

-- report_due (V9) is no longer read on PostgreSQL: report_audit and this index cover the lists. Left
-- in place, it made the planner walk every report ever made in deadline order for a page of ended
-- cases, betting on finding the period's soon (0.8 to 1 s at a tenth of the benchmark's volume,
-- where sorting the period's cases from report_audit takes tens of ms).
DROP INDEX IF EXISTS report_due;

-- A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would take as built.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'report_running_by_deadline'::regclass AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index report_running_by_deadline is invalid (a failed CREATE INDEX CONCURRENTLY): drop it and build it again';
  END IF;
END $$;
