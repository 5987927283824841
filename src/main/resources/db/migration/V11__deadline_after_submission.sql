-- A deadline is set when a unit is assigned, and a unit is assigned after the report came in. The
-- audit's lists rely on it: a period's ended cases are read in deadline order from the period's
-- start (AuditCaseQuery), which would skip a case whose deadline came before its submission.
ALTER TABLE report ADD CONSTRAINT report_deadline_after_submission CHECK (due_at >= submitted_at);
