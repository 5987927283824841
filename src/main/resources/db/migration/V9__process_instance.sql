-- The process instance that handles each report, so the leaders' audit links a case to Cockpit.
ALTER TABLE report ADD COLUMN process_instance_id VARCHAR(64);
-- The audit lists look for deadlines passed and deadlines extended; both narrow to few rows.
CREATE INDEX report_due ON report (due_at);
