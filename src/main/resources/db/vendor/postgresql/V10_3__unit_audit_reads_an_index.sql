-- One unit's cases and scorecard for a period, as its leaders and the audit's unit filter ask for
-- them: report_audit (V10_2) holds every unit's reports of the period in time order, so one unit's
-- list read a whole national year to keep one report in 226 (docs/BENCHMARKS.md, Queues and audit).
-- Keyed by the unit first, the same columns cover one unit's period.
-- Keep INCLUDE in step with report_audit; AuditCaseQueryPlanTest and ScorecardQueryPlanTest check
-- that one unit's queries read this index alone. On a big table, build it beforehand with CREATE
-- INDEX CONCURRENTLY, as report_audit (README, Running on PostgreSQL).
CREATE INDEX IF NOT EXISTS report_unit_audit ON report (unit_id, submitted_at)
  INCLUDE (ineligible, published_at, sla_outcome, due_at, rating, handling_seconds, escalation_level, extended,
           closed_at, id, category, ward_code);

-- A concurrent build that failed leaves an invalid index, which IF NOT EXISTS would take as built.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'report_unit_audit'::regclass AND NOT indisvalid) THEN
    RAISE EXCEPTION 'index report_unit_audit is invalid (a failed CREATE INDEX CONCURRENTLY): drop it and build it again';
  END IF;
END $$;
