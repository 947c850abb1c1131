-- What happened to each request, written in the same transaction as the change it records.
-- `details` is the JSON object of the contract's history details (never a secret).
CREATE TABLE history_events (
    id         INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES connection_requests(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES users(id),
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL
        CHECK (action IN ('SUBMITTED', 'CREDENTIALS_REPLACED', 'APPROVED', 'REJECTED', 'CONNECTION_TESTED')),
    details    TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX history_events_by_request ON history_events(request_id, id);

-- Requests of before have their submission on record; who decided them was not kept.
INSERT INTO history_events (request_id, at, actor_id, actor_name, action)
SELECT id, requested_at, requested_by, requester_name, 'SUBMITTED' FROM connection_requests;
