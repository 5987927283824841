-- The ended cases of a list, by deadline (AuditCaseQuery). Through report_audit (V10_2) a list of
-- only ended cases, and any page past the running ones (a past year's list from its first page),
-- sorted the period's ended cases to show 50: 519,000 for 2026 nationally, p95 340 ms
-- (docs/BENCHMARKS.md, Queues and audit). Ended reports alone, in deadline order, give the page
-- from the entries at the period's start (a deadline never precedes its submission, V11). Partial:
-- a running report is not in it, so the timer storm's escalations do not write it, and neither is a
-- report no unit handled (found invalid at verification), which no list shows: the ended cases
-- without a deadline, read last, are then few. Keep INCLUDE in
-- step with the lists' filters, as report_running_by_deadline's; AuditCaseQueryPlanTest checks
-- that the page of ended cases reads this index alone. On a big table, build it beforehand with
-- CREATE INDEX CONCURRENTLY (README, Running on PostgreSQL).
CREATE INDEX IF NOT EXISTS report_ended_by_deadline ON report (due_at, id)
  INCLUDE (submitted_at, unit_id, ineligible, published_at, sla_outcome, escalation_level, extended, category,
           ward_code)
  WHERE closed_at IS NOT NULL AND unit_id IS NOT NULL;

-- A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would take as built.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'report_ended_by_deadline'::regclass AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index report_ended_by_deadline is invalid (a failed CREATE INDEX CONCURRENTLY): drop it and build it again';
  END IF;
END $$;
