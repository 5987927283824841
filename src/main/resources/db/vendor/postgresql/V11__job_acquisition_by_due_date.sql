-- Job acquisition in a timer storm (docs/BENCHMARKS.md, Timer storm). Every job now gets a due date
-- (ensure-job-due-date-not-null, application.yaml), so the engine acquires with DUEDATE_ <= now alone,
-- which this index answers without reading the future timers: three per report waiting at its unit.
-- The engine's tables come from its own scripts (README, "Running on PostgreSQL"); where they do not
-- exist yet, the engine is about to create them and there is nothing to index.
DO $$
BEGIN
  IF to_regclass('act_ru_job') IS NOT NULL THEN
    -- a job made before the setting has no due date, which the new acquisition never picks: make it due
    UPDATE act_ru_job SET duedate_ = TIMESTAMP '2000-01-01 00:00' WHERE duedate_ IS NULL;
    CREATE INDEX IF NOT EXISTS citizen_reports_job_due_date ON act_ru_job (duedate_);
  END IF;
END $$;
