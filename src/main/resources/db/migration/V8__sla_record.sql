-- Where each report stands against its deadline, kept current by the process (ReportRecordListener)
-- so that scorecards over millions of reports are one aggregate query, not a walk through history.
ALTER TABLE report ADD COLUMN unit_id VARCHAR(40);
ALTER TABLE report ADD COLUMN assigned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report ADD COLUMN extended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE report ADD COLUMN escalation_level INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE report ADD COLUMN ineligible BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE report ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report ADD COLUMN sla_outcome VARCHAR(30);
ALTER TABLE report ADD COLUMN handling_seconds BIGINT;
ALTER TABLE report ADD COLUMN rating VARCHAR(20);
ALTER TABLE report ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX report_submitted ON report (submitted_at);
