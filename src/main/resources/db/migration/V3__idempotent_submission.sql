-- A client that retries a submission with the same Idempotency-Key gets the first answer back,
-- never a second report. The key is written in the same transaction as the report.
CREATE TABLE idempotent_submission (
  idempotency_key VARCHAR(100)             NOT NULL PRIMARY KEY,
  request_hash    VARCHAR(64)              NOT NULL,
  report_id       VARCHAR(20)              NOT NULL REFERENCES report (id),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
