-- The number of requests in each status, kept by the database as requests come, change status
-- or go, so that counting a status tab (or all requests) reads four rows instead of scanning.
CREATE TABLE status_counts (
    status TEXT PRIMARY KEY,
    count  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO status_counts (status, count)
SELECT column1, (SELECT COUNT(*) FROM connection_requests WHERE status = column1)
FROM (VALUES ('SUBMITTED'), ('PENDING_APPROVAL'), ('APPROVED'), ('REJECTED'));

CREATE TRIGGER status_counts_on_insert AFTER INSERT ON connection_requests
BEGIN
    UPDATE status_counts SET count = count + 1 WHERE status = NEW.status;
END;

CREATE TRIGGER status_counts_on_delete AFTER DELETE ON connection_requests
BEGIN
    UPDATE status_counts SET count = count - 1 WHERE status = OLD.status;
END;

CREATE TRIGGER status_counts_on_status_change AFTER UPDATE OF status ON connection_requests
WHEN OLD.status <> NEW.status
BEGIN
    UPDATE status_counts SET count = count - 1 WHERE status = OLD.status;
    UPDATE status_counts SET count = count + 1 WHERE status = NEW.status;
END;
