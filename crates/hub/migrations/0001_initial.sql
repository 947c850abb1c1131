-- Users, their roles, sessions and connection requests.
CREATE TABLE users (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    token      TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Timestamps are UTC in RFC 3339 with second precision ("2026-11-02T09:14:00Z"),
-- so that text order is time order.
CREATE TABLE connection_requests (
    id                     TEXT PRIMARY KEY,
    api_portal_alias       TEXT NOT NULL UNIQUE,
    api_portal_url         TEXT NOT NULL,
    status                 TEXT NOT NULL
        CHECK (status IN ('SUBMITTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    comment                TEXT NOT NULL DEFAULT '',
    requested_by           TEXT NOT NULL REFERENCES users(id),
    requested_at           TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    credential_type        TEXT NOT NULL CHECK (credential_type IN ('clientSecret', 'x509')),
    credential_url         TEXT NOT NULL,
    token_url              TEXT NOT NULL,
    cert_url               TEXT,
    client_id              TEXT,
    credentials_updated_at TEXT NOT NULL,
    credentials_expire_at  TEXT NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX connection_requests_status ON connection_requests(status);
CREATE INDEX connection_requests_updated_at ON connection_requests(updated_at);
