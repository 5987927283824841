-- Tracking tokens are now derived from the report id with a server secret (TrackingTokens):
-- nothing to store, and a link can be mailed again at any time.
ALTER TABLE report DROP COLUMN token_hash;
