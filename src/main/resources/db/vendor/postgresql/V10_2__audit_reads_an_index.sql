-- The leaders' scorecard and case lists read every report of their period (a year: about 1,000,000
-- of a national 11,000,000). On the table, PostgreSQL reads the whole table for them, because a
-- period's rows lie scattered in it (docs/BENCHMARKS.md, Queues and audit). This index holds the
-- period and every column they filter, count and sort on, so both are index-only scans of that
-- period; it takes the place of report_submitted (V8), which had the period alone.
-- Keep INCLUDE in step with ScorecardQuery and AuditCaseQuery: a column missing here sends them
-- back to the table.
CREATE INDEX report_audit ON report (submitted_at)
  INCLUDE (unit_id, ineligible, published_at, sla_outcome, due_at, rating, handling_seconds, escalation_level,
           extended, closed_at, id);
DROP INDEX report_submitted;
