-- A report may give its place as coordinates only; the IOC sets the ward when verifying.
ALTER TABLE report ALTER COLUMN ward_code DROP NOT NULL;
CREATE INDEX report_category_submitted ON report (category, submitted_at);
