-- Job acquisition in a timer storm (docs/BENCHMARKS.md, Timer storm). Every job gets a due date
-- (ensure-job-due-date-not-null, application.yaml; JobDueDates gives one to older jobs), so the engine
-- acquires with DUEDATE_ <= now alone, which this index answers without reading the future timers:
-- three per report waiting at its unit. Versions here are V<n>_<m>, after db/migration's V<n>, so
-- that they never take a number db/migration will use.
-- The engine's tables come from its own scripts (README, "Running on PostgreSQL"); where they do not
-- exist yet, the engine is about to create them and there is nothing to index.
DO $$
BEGIN
  IF to_regclass('act_ru_job') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS citizen_reports_job_due_date ON act_ru_job (duedate_);
    -- Each acquisition also skips exclusive jobs of instances that have a locked job (NOT EXISTS over
    -- ACT_RU_JOB). PostgreSQL answers it by collecting the locked jobs first: without this index by
    -- reading the whole table, 145 ms per acquisition with 350,000 jobs; with it, the few locked rows.
    CREATE INDEX IF NOT EXISTS citizen_reports_job_locked ON act_ru_job (lock_exp_time_) WHERE lock_owner_ IS NOT NULL;
  END IF;
END $$;
