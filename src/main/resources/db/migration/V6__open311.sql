-- Partners' Open311 API keys, stored as SHA-256 only; and the tokens Open311 answers a POST with.
CREATE TABLE partner_api_key (
  key_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
  partner    VARCHAR(100)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE open311_token (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  report_id  VARCHAR(20) NOT NULL REFERENCES report (id)
);
