-- Photos and short videos sent with a report. The files live in a directory outside the
-- database (citizen-reports.evidence.directory); this table says what they are.
CREATE TABLE evidence (
  report_id    VARCHAR(20)  NOT NULL REFERENCES report (id),
  seq          INTEGER      NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  sha256       VARCHAR(64)  NOT NULL,
  PRIMARY KEY (report_id, seq)
);
