-- Reports as citizens sent them. The process engine holds the lifecycle; this table holds the
-- report itself, so a report exists (and is found by id and token) before and after its process.
CREATE SEQUENCE report_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE report (
  id             VARCHAR(20)      NOT NULL PRIMARY KEY,
  token_hash     VARCHAR(64)      NOT NULL,
  category       VARCHAR(40)      NOT NULL,
  description    VARCHAR(4000)    NOT NULL,
  ward_code      VARCHAR(10)      NOT NULL,
  address        VARCHAR(300),
  latitude       DOUBLE PRECISION,
  longitude      DOUBLE PRECISION,
  channel        VARCHAR(20)      NOT NULL,
  reporter_name  VARCHAR(200),
  reporter_phone VARCHAR(30),
  reporter_email VARCHAR(200),
  submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
