-- When the IOC verified the report as valid: from then on it is public (Open311).
ALTER TABLE report ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX report_verified_submitted ON report (verified_at, submitted_at);
