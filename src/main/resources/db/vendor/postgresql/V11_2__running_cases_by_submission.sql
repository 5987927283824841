-- The running cases of a period in which few are running, such as last year (AuditCaseQuery). The
-- planner takes a period to hold its share of the running reports, but they are the recent ones:
-- for 2025, seen in 2026, it read all of report_running_by_deadline to find none (1,000,000
-- entries, 380 ms; docs/BENCHMARKS.md, Queues and audit). The list counts the period's running
-- cases here first, up to a bound, and below it sorts them from here. Partial and small, as
-- report_running_by_deadline (90 MB with the benchmark's 1,000,000 running reports). Keep INCLUDE
-- in step with the lists' filters; AuditCaseQueryPlanTest checks that the count and the sorted page
-- read this index alone. On a big table, build it beforehand with CREATE INDEX CONCURRENTLY (README,
-- Running on PostgreSQL).
CREATE INDEX IF NOT EXISTS report_running_by_submission ON report (submitted_at)
  INCLUDE (due_at, id, unit_id, ineligible, published_at, sla_outcome, escalation_level, extended, category,
           ward_code)
  WHERE closed_at IS NULL;

-- A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would take as built.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'report_running_by_submission'::regclass AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index report_running_by_submission is invalid (a failed CREATE INDEX CONCURRENTLY): drop it and build it again';
  END IF;
END $$;
