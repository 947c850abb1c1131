-- Sorting by status follows the lifecycle (Submitted, Pending approval, Approved, Rejected), not
-- the alphabet: a rank computed from the status, with the covering index of that sort order.
-- Filtering by requester ("Requested by me") gets an index of its own.
ALTER TABLE connection_requests ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (
    CASE status WHEN 'SUBMITTED' THEN 1 WHEN 'PENDING_APPROVAL' THEN 2 WHEN 'APPROVED' THEN 3 ELSE 4 END
) VIRTUAL;

DROP INDEX connection_requests_by_status;
CREATE INDEX connection_requests_by_status ON connection_requests(status_rank, id, status, search_text);
CREATE INDEX connection_requests_by_requester_id ON connection_requests(requested_by, status);
