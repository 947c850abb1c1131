-- The outcome of the last test of each request's stored credentials ("Test Connection"),
-- shown in the list; cleared when the credentials are replaced.
ALTER TABLE connection_requests ADD COLUMN last_test_ok INTEGER;
ALTER TABLE connection_requests ADD COLUMN last_test_code TEXT;
ALTER TABLE connection_requests ADD COLUMN last_test_at TEXT;
